;;; eglot.el --- drives `regard server' from Emacs with eglot  -*- lexical-binding: t -*-
;; Set up with the eglot snippet of docs/editors.md. Run by tests/server.rs as
;;   emacs --batch -l tests/editors/eglot.el
;; in the notes folder, with SNIPPET (the docs' snippet) and OUT (where to
;; write what happened, as JSON) in the environment and `regard' on PATH.
;; It opens session.md, records the diagnostics Flymake holds (the text they
;; cover), asks for the code actions on `claims' and applies the rewording.
;; The Rust test decides.

(require 'package)
(package-initialize)
(require 'json)
(require 'markdown-mode)
(load (getenv "SNIPPET") nil t t)
(require 'eglot)

(defun regard-wait (done)
  "Let the server talk until DONE returns non-nil, for up to a minute."
  (let ((tries 0))
    (while (and (< tries 600) (not (funcall done)))
      (accept-process-output nil 0.1)
      (setq tries (1+ tries)))))

(defun regard-shown ()
  (sort (mapcar (lambda (d)
                  (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                        (cons 'text (buffer-substring-no-properties
                                     (flymake-diagnostic-beg d)
                                     (flymake-diagnostic-end d)))))
                (flymake-diagnostics))
        (lambda (a b) (< (alist-get 'line a) (alist-get 'line b)))))

(let ((report nil))
  (condition-case err
      (progn
        (find-file (expand-file-name "session.md" default-directory))
        (push (cons 'mode (symbol-name major-mode)) report)
        ;; `eglot-ensure' connects after the next command; batch runs none.
        (run-hooks 'post-command-hook)
        (regard-wait (lambda () (>= (length (flymake-diagnostics)) 2)))
        (push (cons 'opened (vconcat (regard-shown))) report)
        (goto-char (point-min))
        (search-forward "claims")
        (let* ((server (eglot-current-server))
               (range (list :start (eglot--pos-to-lsp-position (match-beginning 0))
                            :end (eglot--pos-to-lsp-position (match-end 0))))
               (actions (jsonrpc-request server :textDocument/codeAction
                                         (list :textDocument (eglot--TextDocumentIdentifier)
                                               :range range
                                               :context (list :diagnostics []))))
               (reword (seq-find (lambda (a) (string-prefix-p "Reword" (plist-get a :title)))
                                 actions)))
          (push (cons 'titles (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))) report)
          (eglot--apply-workspace-edit (plist-get reword :edit))
          (push (cons 'reworded (buffer-substring-no-properties
                                 (line-beginning-position) (line-end-position)))
                report)))
    (error (push (cons 'error (error-message-string err)) report)))
  (with-temp-file (getenv "OUT")
    (insert (json-encode report)))
  (kill-emacs 0))
