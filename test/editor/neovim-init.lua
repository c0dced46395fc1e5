-- Attaches Postlint's language server to Markdown buffers, the way any Neovim user
-- would (Neovim 0.7's built-in client), then writes what diagnostics arrived to the
-- file named by POSTLINT_NVIM_OUT and quits. The test starts Neovim headless with this file.
local cli = os.getenv('POSTLINT_CLI')
local out = os.getenv('POSTLINT_NVIM_OUT')
local root = os.getenv('POSTLINT_SITE')

vim.api.nvim_create_autocmd('BufReadPost', {
  pattern = '*.md',
  callback = function(args)
    local client_id = vim.lsp.start_client({
      name = 'postlint',
      cmd = { 'node', cli, 'lsp', '--stdio' },
      root_dir = root,
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
    local tries = 0
    local timer = vim.loop.new_timer()
    -- Bounded polling of Neovim's own diagnostic store: 200 checks, 50 ms apart at most.
    timer:start(100, 50, vim.schedule_wrap(function()
      tries = tries + 1
      local diagnostics = vim.diagnostic.get(args.buf)
      if #diagnostics > 0 or tries > 200 then
        timer:stop()
        local lines = {}
        for _, d in ipairs(diagnostics) do
          table.insert(lines, string.format('%d:%d %s %s', d.lnum + 1, d.col + 1, d.code or '', d.message))
        end
        local file = io.open(out, 'w')
        file:write(table.concat(lines, '\n'))
        file:close()
        vim.cmd('qa!')
      end
    end))
  end,
})
