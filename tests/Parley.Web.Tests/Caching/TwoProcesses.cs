using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Caching;

/// <summary>
/// One site served by two Parley processes, A and B: one PostgreSQL database, each its own memory, both talking to
/// the test Redis through one <see cref="NetworkLink"/> the tests can cut. Started on first use, so a machine
/// without the servers skips (or, under CI, fails) the tests rather than the fixture.
/// </summary>
public sealed class TwoProcesses : IAsyncDisposable
{
    /// <summary>Short, so a test of the outage waits seconds, not the default five.</summary>
    public const int DisconnectedMaxSeconds = 1;

    private readonly Lock _lock = new();
    private Task<(ParleyApp A, ParleyApp B)>? _apps;
    private NetworkLink? _link;

    /// <summary>The site's own channel, so other tests' sites are not heard.</summary>
    public string Channel { get; } = "parley-test:" + Guid.NewGuid().ToString("N");

    public NetworkLink Link => _link ?? throw new InvalidOperationException("Not started");

    public Task<(ParleyApp A, ParleyApp B)> GetAsync()
    {
        // Read first, outside the task, so a missing server skips the test with its message.
        var redis = TestRedis.Address;
        _ = TestPostgres.ServerConnectionString;
        lock (_lock)
        {
            if (_apps is null)
            {
                _link = new NetworkLink(redis);
                _apps = StartAsync(Settings(_link.Address, Channel));
            }
            return _apps;
        }
    }

    /// <summary>What a process is started with: Redis at <paramref name="redis"/>, and the channel of its site (a new one by default).</summary>
    public static Dictionary<string, string?> Settings(string redis, string? channel = null) => new()
    {
        ["Parley:Redis:Configuration"] = redis + ",connectTimeout=1000",
        ["Parley:Redis:Channel"] = channel ?? "parley-test:" + Guid.NewGuid().ToString("N"),
        ["Parley:Redis:DisconnectedMaxSeconds"] = DisconnectedMaxSeconds.ToString(),
        ["Parley:Limits:CommentMinimumSeconds"] = "0",
        ["Parley:Limits:CommentsPerWindow"] = "100000",
    };

    private static async Task<(ParleyApp, ParleyApp)> StartAsync(Dictionary<string, string?> settings)
    {
        var a = await ParleyApp.StartAsync(DatabaseProvider.Postgres, settings: settings);
        return (a, ParleyApp.StartAnotherProcess(a, settings));
    }

    public async ValueTask DisposeAsync()
    {
        if (_apps is not null)
        {
            try
            {
                var (a, b) = await _apps;
                await b.DisposeAsync();
                await a.DisposeAsync();
            }
            catch (Exception) { /* a site that failed to start already failed its tests */ }
        }
        _link?.Dispose();
    }
}
