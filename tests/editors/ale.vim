" Drives `regard server` from Vim with ALE, as a user would, set up with the
" ALE snippet of docs/editors.md. Run by tests/server.rs under a
" pseudo-terminal (ALE needs a running Vim, not Ex mode) as
"   vim -Nu tests/editors/ale.vim -i NONE session.md
" in the notes folder, with SNIPPET (the docs' snippet), ALE (Debian's
" vim-ale folder) and OUT (where to write what happened) in the environment
" and `regard` on PATH. It writes one line per finding ALE shows, then quits;
" the Rust test decides.

set nocompatible
let &runtimepath = $ALE . ',' . &runtimepath . ',' . $ALE . '/after'
filetype plugin on
runtime plugin/ale.vim
let g:ale_lint_delay = 0
" Only regard: no other Markdown linter installed here should run.
let g:ale_linters_explicit = 1
let g:ale_linters = {'markdown': ['regard'], 'text': ['regard']}
execute 'source ' . fnameescape($SNIPPET)

let s:waited = 0

" `code line:col-end_col text`, columns as ALE gives them (Vim's bytes).
function! s:Report(timer) abort
  let l:items = ale#engine#GetLoclist(bufnr('session.md'))
  let s:waited += 1
  if len(l:items) < 2 && s:waited < 600
    return
  endif
  let l:out = ['filetype ' . getbufvar(bufnr('session.md'), '&filetype')]
  for l:item in l:items
    let l:line = getbufline(bufnr('session.md'), l:item.lnum)[0]
    let l:end = get(l:item, 'end_col', l:item.col)
    call add(l:out, printf('%s %d:%d-%d %s', get(l:item, 'code', '?'),
    \   l:item.lnum, l:item.col, l:end, l:line[l:item.col - 1 : l:end - 1]))
  endfor
  call writefile(l:out, $OUT)
  qall!
endfunction

autocmd VimEnter * call timer_start(100, function('s:Report'), {'repeat': -1})
