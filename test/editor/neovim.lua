-- Neovim (0.7.2, headless) as a second real LSP client: starts `node dist/server.js --stdio`,
-- opens the example draft of a workspace copy, waits for diagnostics and asks for a hover.
-- Prints one line per fact ("DIAG ...", "HOVER ...", "ERROR ..."); test/editor/neovim.mjs checks them.
-- Run: CORROBORATE_REPO=... CORROBORATE_WS=... nvim --headless -u NONE -i NONE -n -c "luafile neovim.lua"
local repo = assert(os.getenv('CORROBORATE_REPO'), 'CORROBORATE_REPO')
local ws = assert(os.getenv('CORROBORATE_WS'), 'CORROBORATE_WS')
local timeout = tonumber(os.getenv('CORROBORATE_NVIM_TIMEOUT_MS') or '20000')

local function say(s)
  io.stdout:write(s .. '\n')
end

local function finish(code)
  for _, c in pairs(vim.lsp.get_active_clients()) do
    c.stop(true)
  end
  io.stdout:flush()
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

local ok, err = pcall(function()
  say('NVIM ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch))
  local client_id = vim.lsp.start_client({
    name = 'corroborate',
    cmd = { 'node', repo .. '/dist/server.js', '--stdio' },
    root_dir = ws,
    settings = { corroborate = { sources = { 'seeds' } } },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/examples/draft.md'))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'
  assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed')

  -- wait on Neovim's event loop until the server's publishDiagnostics has arrived
  local got = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  if not got then
    say('ERROR no diagnostics within ' .. timeout .. ' ms')
    return finish(1)
  end
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b)
    return a.lnum < b.lnum
  end)
  local entity
  for _, d in ipairs(diags) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    local words = line:sub(d.col + 1, d.end_col)
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
    if type(code) == 'table' then code = code.value end
    say(string.format('DIAG %d:%d %s %s [%s] %s', d.lnum, d.col, vim.diagnostic.severity[d.severity], tostring(code), words, d.message))
    if tostring(code) == 'entity' then entity = d end
  end
  if not entity then
    say('ERROR no entity diagnostic')
    return finish(1)
  end

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = entity.lnum, character = entity.col + 1 },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, timeout)
  local text = ''
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then
      local c = r.result.contents
      text = text .. (type(c) == 'string' and c or (c.value or ''))
    end
  end
  if text == '' then
    say('ERROR no hover')
    return finish(1)
  end
  for l in text:gmatch('[^\n]+') do
    say('HOVER ' .. l)
  end
  finish(0)
end)
if not ok then
  say('ERROR ' .. tostring(err))
  finish(1)
end
