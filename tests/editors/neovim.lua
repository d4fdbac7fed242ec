-- Drives `regard server` from a real Neovim, headless, as a user would,
-- set up with the Neovim 0.7 snippet of docs/editors.md. Run by
-- tests/server.rs, in the notes folder, as
--   nvim --headless --clean -c 'luafile tests/editors/neovim.lua'
-- with INIT (the snippet, taken from the docs), NOTES (the workspace
-- folder, holding .regard.yaml and session.md) and OUT (where to write what
-- happened, as JSON) in the environment, and `regard` on PATH. It never
-- decides pass or fail: the Rust test reads OUT.

local init, notes, out = os.getenv('INIT'), os.getenv('NOTES'), os.getenv('OUT')
local report = { steps = {} }

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd('qall!')
end

-- Any error ends the run with what happened so far, instead of a hang.
local function step(name, fn)
  local ok, err = pcall(fn)
  if not ok then
    report.error = name .. ': ' .. tostring(err)
    finish()
  end
end

local client_id, buf

-- The diagnostics Neovim shows, with 0-based byte columns (Neovim turns
-- the server's UTF-16 positions into bytes) and the text they cover.
local function shown()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, {
      code = code,
      lnum = d.lnum,
      col = d.col,
      end_col = d.end_col,
      text = line:sub(d.col + 1, d.end_col),
    })
  end
  table.sort(list, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return list
end

local function codes()
  local c = {}
  for _, d in ipairs(shown()) do
    table.insert(c, d.code)
  end
  return table.concat(c, ',')
end

-- Waits until the diagnostics' codes read `want`; records what was shown.
local function wait_for(name, want)
  local ok = vim.wait(20000, function()
    return codes() == want
  end, 20)
  table.insert(report.steps, { name = name, reached = ok, diagnostics = shown() })
  if not ok then
    report.error = name .. ': waited for ' .. want .. ', saw ' .. codes()
    finish()
  end
end

step('start', function()
  dofile(init)
  vim.cmd('edit ' .. vim.fn.fnameescape(notes .. '/session.md'))
  buf = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[buf].filetype
  -- The snippet's FileType autocommand starts the client and attaches it;
  -- Neovim lists it once it has answered `initialize`.
  vim.wait(20000, function()
    for _, client in ipairs(vim.lsp.get_active_clients()) do
      if client.name == 'regard' then
        client_id = client.id
      end
    end
    return client_id ~= nil
  end, 20)
  assert(client_id, 'the snippet started no client named regard')
  assert(vim.lsp.buf_is_attached(buf, client_id), 'the note is not attached')
end)

step('open', function()
  wait_for('open', 'deficit-label,doubt-verb')
end)

step('reword', function()
  local client = vim.lsp.get_client_by_id(client_id)
  -- On `claims`, line 4 (0-based 3), as a user would put the cursor there.
  local row = 3
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
  local col = assert(line:find('claims', 1, true), 'no `claims` in the note') - 1
  vim.api.nvim_win_set_cursor(0, { row + 1, col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = {} }
  local response = assert(client.request_sync('textDocument/codeAction', params, 10000, buf))
  assert(not response.err, vim.inspect(response.err))
  local titles = {}
  local chosen
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if action.title:find('^Reword') then
      chosen = action
    end
  end
  report.titles = titles
  assert(chosen, 'no rewording among ' .. vim.inspect(titles))
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  report.reworded = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
  wait_for('reword', 'deficit-label')
end)

step('config', function()
  -- Edited outside the editor; Neovim 0.7 watches no files. The next
  -- change to the note makes the server look again.
  local f = assert(io.open(notes .. '/.regard.yaml', 'w'))
  f:write('rules: [team-rules/]\nignore: [credibility-doubt, deficit-label]\n')
  f:close()
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, { 'We agreed to meet next week.' })
  wait_for('config', '')
end)

step('stop', function()
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 20)
  report.stopped = vim.lsp.get_client_by_id(client_id) == nil
end)

finish()
