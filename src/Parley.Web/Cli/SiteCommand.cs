using Parley.Web.Hosting;

namespace Parley.Web.Cli;

/// <summary>Runs a command against the site's own data: the same configuration and services as the server, no listening.</summary>
public static class SiteCommand
{
    public static async Task<int> RunAsync(string[] configArgs, Func<IServiceProvider, Task<int>> work)
    {
        var builder = WebApplication.CreateBuilder(configArgs);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddParley();
        await using var app = builder.Build();
        // Migrations and the administrator, as at start; demo posts are never seeded by a command.
        await app.PrepareAsync(seedDemoContent: false);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
