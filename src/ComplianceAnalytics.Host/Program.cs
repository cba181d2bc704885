using System.CommandLine;
using ComplianceAnalytics.Host.Cli;

// SIGTERM/Ctrl+C cancel the verb's token; the process is only forced down if it has not stopped by
// then (the host stops its jobs within its own, shorter, shutdown timeout).
return await CommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20) });
