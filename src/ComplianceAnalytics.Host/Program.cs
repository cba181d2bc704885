using ComplianceAnalytics.Host.Cli;

return await CommandLine.Build().Parse(args).InvokeAsync();
