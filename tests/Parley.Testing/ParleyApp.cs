using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Data;

namespace Parley.Testing;

/// <summary>
/// The whole Parley app, started through its own Program on a real database and a temp data folder,
/// with the demo content seeded. With <c>realServer</c> it listens on a loopback port for a browser.
/// </summary>
public sealed class ParleyApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "correct horse battery staple";

    public DatabaseProvider Provider { get; }
    public string DataPath { get; }
    public string ConnectionString { get; }
    private readonly bool _realServer;
    private readonly Dictionary<string, string?> _settings;
    /// <summary>False for a second process of another app's site: the first one removes the database and folder.</summary>
    private bool _ownsSite = true;

    /// <summary>What the app logged (warnings and above).</summary>
    public TestLog Log { get; } = new();

    /// <summary>The app's clock when the test asked for one it can move (scheduling); null means the real clock.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; }

    private ParleyApp(DatabaseProvider provider, string connectionString, string dataPath, bool realServer, Dictionary<string, string?> settings,
        Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null)
    {
        Clock = clock;
        Provider = provider;
        ConnectionString = connectionString;
        DataPath = dataPath;
        _realServer = realServer;
        _settings = settings;
        if (realServer) UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public static async Task<ParleyApp> StartAsync(DatabaseProvider provider, bool realServer = false, Dictionary<string, string?>? settings = null,
        bool fakeClock = false)
    {
        var dataPath = TestFolders.Create("app");
        var connectionString = provider == DatabaseProvider.Sqlite
            ? ParleyDatabase.SqliteFile(dataPath)
            : await TestPostgres.CreateDatabaseAsync();
        var app = new ParleyApp(provider, connectionString, dataPath, realServer, settings ?? [],
            fakeClock ? new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow) : null);
        if (realServer) app.StartServer();
        else app.CreateClient().Dispose(); // starts the host: migrate, seed
        return app;
    }

    /// <summary>
    /// Another Parley process serving the same site: the same database and data folder (media, keys), its own memory.
    /// Used with Redis settings to test that the processes hear each other's changes.
    /// </summary>
    public static ParleyApp StartAnotherProcess(ParleyApp site, Dictionary<string, string?>? settings = null)
    {
        var app = new ParleyApp(site.Provider, site.ConnectionString, site.DataPath, realServer: false, settings ?? []) { _ownsSite = false };
        app.CreateClient().Dispose();
        return app;
    }

    /// <summary>The loopback address Kestrel chose, e.g. http://127.0.0.1:41234 (real server only).</summary>
    public string BaseAddress => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>A client that does not follow redirects, so tests see the 301s themselves.</summary>
    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Parley:DataPath", DataPath);
        builder.UseSetting("Parley:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Parley", ConnectionString);
        builder.UseSetting("Parley:AdminEmail", AdminEmail);
        builder.UseSetting("Parley:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        if (Clock is { } clock) builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsSite) return;
        if (Provider == DatabaseProvider.Postgres) await TestPostgres.DropDatabaseAsync(ConnectionString);
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestFolders.Delete(DataPath);
    }
}

/// <summary>One app per provider, started on first use and shared by a test class.</summary>
public class ParleyApps : IAsyncDisposable
{
    /// <summary>Configuration every app of this fixture starts with, on top of the test defaults.</summary>
    protected virtual Dictionary<string, string?> Settings => [];
    /// <summary>Listen on a loopback port (for a browser, or for an outside provider that redirects back).</summary>
    protected virtual bool RealServer => false;
    /// <summary>Give the app a clock the test moves (see <see cref="ParleyApp.Clock"/>).</summary>
    protected virtual bool FakeClock => false;

    private readonly Dictionary<DatabaseProvider, Task<ParleyApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<ParleyApp> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app)) _apps[provider] = app = ParleyApp.StartAsync(provider, RealServer, Settings, FakeClock);
            return app;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            try { await (await app).DisposeAsync(); }
            catch (Exception) { /* an app that failed to start already failed its tests */ }
        }
    }
}
