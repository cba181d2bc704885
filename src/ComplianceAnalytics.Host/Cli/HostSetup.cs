using ComplianceAnalytics.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ComplianceAnalytics.Host.Cli;

/// <summary>
/// Reads configuration the same way for every verb: appsettings.json beside the executable, then
/// environment variables (<c>Compliance__Database</c>), then the verb's own options.
/// </summary>
internal static class HostSetup
{
    public static IConfigurationRoot Configuration(IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>The validated options; a bad setting throws an exception that names it.</summary>
    public static ComplianceOptions Options(IConfiguration configuration, bool requireDropFolder = true, bool requireReportFolders = true)
    {
        var options = new ComplianceOptions();
        configuration.GetSection(ComplianceOptions.Section).Bind(options);
        options.ResolveShippedFolders();
        var result = new ComplianceOptionsValidator { RequireDropFolder = requireDropFolder, RequireReportFolders = requireReportFolders }.Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(ComplianceOptions.Section, typeof(ComplianceOptions), result.Failures);
        }

        return options;
    }

    public static ILoggerFactory Loggers(bool quiet = false) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(quiet ? LogLevel.Warning : LogLevel.Information)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Quartz", LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

    /// <summary>
    /// The generic host of <c>serve</c> and <c>run-once</c>: the same configuration as every verb, the
    /// <c>Logging</c> section for levels, a single-line console, and the jobs of
    /// <see cref="ComplianceServiceCollectionExtensions.AddComplianceJobs"/>.
    /// </summary>
    public static IHost BuildHost(IDictionary<string, string?> overrides)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddConfiguration(Configuration(overrides));
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddComplianceJobs(builder.Configuration);
        return builder.Build();
    }

    public static ComplianceWorkspace Workspace(ComplianceOptions options, ILoggerFactory loggers) =>
        new(options, SystemClock.Instance, loggers);
}
