using Adminduk.Cli;

return await CliApp.Build().Parse(args).InvokeAsync();
