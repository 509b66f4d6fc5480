-- Run by tests/e2e/neovim.e2e.mjs in `nvim --headless --clean` (Neovim 0.7, Debian's): starts the
-- Opsbook language server with Neovim's own LSP client, opens one file, waits for the diagnostics the
-- server publishes for it, and writes them as JSON. Inputs come from the environment:
--   OPSBOOK_SERVER_CMD  the server command, JSON array (e.g. ["node", ".../opsbook-language-server.cjs", "--stdio"])
--   OPSBOOK_ROOT        the workspace folder
--   OPSBOOK_FILE        the file to open
--   OPSBOOK_OUT         where to write {"uri": ..., "diagnostics": [...]} (or {"error": ...})
local out = os.getenv('OPSBOOK_OUT')

local function finish(value)
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(value))
  handle:close()
  vim.cmd('qa!')
end

local ok, failure = pcall(function()
  local cmd = vim.fn.json_decode(os.getenv('OPSBOOK_SERVER_CMD'))
  local file = os.getenv('OPSBOOK_FILE')
  local received = nil
  local client_id = vim.lsp.start_client({
    name = 'opsbook',
    cmd = cmd,
    root_dir = os.getenv('OPSBOOK_ROOT'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result and vim.uri_to_fname(result.uri) == file then
          received = result
        end
      end,
    },
  })
  if not client_id then
    error('vim.lsp.start_client returned nil: the server command did not start')
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.lsp.buf_attach_client(vim.api.nvim_get_current_buf(), client_id)
  local arrived = vim.wait(60000, function() return received ~= nil end, 50)
  if not arrived then
    error('no textDocument/publishDiagnostics for ' .. file .. ' within 60 s')
  end
  -- Let a second publication (after didOpen) replace the first (from the start-up build), if any.
  vim.wait(1000, function() return false end, 50)
  vim.lsp.stop_client(client_id)
  finish({ uri = received.uri, diagnostics = received.diagnostics })
end)

if not ok then
  finish({ error = tostring(failure) })
end
