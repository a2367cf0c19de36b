using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Parley.Core.Settings;
using StackExchange.Redis;

namespace Parley.Web.Caching;

/// <summary>
/// Makes the caches of several Parley processes serving one site as exact as one process's. Every change told to
/// this process's <see cref="ContentChanges"/> is published on a Redis channel; every change another process
/// publishes is told to the listeners here (the page cache, page parts) and drops the cached settings, as if it had
/// been made here. A change heard from Redis is never published again, and a process ignores its own messages.
/// <para>
/// Redis being away never stops pages or writes. While this process is not sure it hears the channel (at start,
/// after a lost connection) it drops all it keeps every <see cref="RedisSettings.DisconnectedMaxSeconds"/>, since
/// another process's change would go unheard; it is sure again when its own "hello" comes back over the channel,
/// and then drops everything once, for the changes it may have missed. Changes it could not send are made up for
/// with one "everything changed" to the others as soon as Redis answers.
/// </para>
/// </summary>
public sealed class RedisChanges : BackgroundService
{
    /// <summary>Set while a heard change is told here, so this process's own listener does not publish it back.</summary>
    [ThreadStatic] private static bool t_telling;

    private readonly RedisSettings _settings;
    private readonly ContentChanges _changes;
    private readonly IMemoryCache _cache;
    private readonly TimeProvider _clock;
    private readonly ILogger<RedisChanges> _log;
    private readonly RedisChannel _channel;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Lock _lock = new();
    private volatile ConnectionMultiplexer? _redis;
    private bool _hearing;
    private bool _warned;
    private volatile bool _unsent;

    public RedisChanges(IOptions<Hosting.ParleyOptions> options, ContentChanges changes, IMemoryCache cache, TimeProvider clock, ILogger<RedisChanges> log)
    {
        _settings = options.Value.Redis;
        _changes = changes;
        _cache = cache;
        _clock = clock;
        _log = log;
        _channel = RedisChannel.Literal(_settings.Channel);
        changes.Subscribe(Publish);
    }

    /// <summary>Whether this process hears the other processes' changes (its own hello came back over the channel).</summary>
    public bool IsHearing
    {
        get { lock (_lock) return _hearing; }
    }

    /// <summary>Whether <paramref name="configuration"/> is a StackExchange.Redis configuration string (checked at start).</summary>
    public static bool IsValid(string configuration)
    {
        try { return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0; }
        catch (ArgumentException) { return false; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ConnectAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never stops the site: without Redis this process only drops what it keeps more often.
            Lost(null, ex.GetType().Name);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_settings.DisconnectedMaxSeconds), _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!IsHearing)
            {
                TellHere(ContentChange.WholeSite);
                SayHello();
            }
            else if (_unsent) SendWholeSite();
        }
    }

    private async Task ConnectAsync()
    {
        var config = ConfigurationOptions.Parse(_settings.Configuration!);
        // Redis may be away at start: keep trying in the background while pages are served.
        config.AbortOnConnectFail = false;
        var redis = await ConnectionMultiplexer.ConnectAsync(config);
        redis.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription && e.FailureType != ConnectionFailureType.ConnectionDisposed)
                Lost(e.EndPoint?.ToString(), e.FailureType.ToString());
        };
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription) SayHello();
        };
        _redis = redis;
        if (!redis.IsConnected) Lost(string.Join(", ", config.EndPoints.Select(e => e.ToString())), "no answer at start");
        try
        {
            // The connection remembers its subscriptions and makes them again after every reconnect.
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, message) => Heard(message));
        }
        catch (RedisException) { /* away at start: subscribed when Redis answers */ }
        SayHello();
    }

    private void Publish(ContentChange change)
    {
        if (t_telling) return;
        if (_redis is not { } redis || !IsHearing)
        {
            _unsent = true;
            return;
        }
        Send(redis, ChangeMessage.Write(_origin, change), change: true);
    }

    private void Heard(RedisValue value)
    {
        var message = ChangeMessage.Read(value);
        if (message.Origin == _origin)
        {
            if (message.IsHello) Hearing();
            return;
        }
        if (message.Change is { } change) TellHere(change);
    }

    /// <summary>Drops what a change makes out of date here, without publishing it again.</summary>
    private void TellHere(ContentChange change)
    {
        _cache.Remove(SettingsService.CacheKey);
        t_telling = true;
        try { _changes.Tell(change); }
        catch (Exception ex) { _log.LogError(ex, "Dropping what another Parley process's change made out of date failed"); }
        finally { t_telling = false; }
    }

    private void Hearing()
    {
        lock (_lock)
        {
            if (_hearing) return;
            _hearing = true;
            _warned = false;
        }
        _log.LogInformation("Hearing the other Parley processes' changes on Redis channel {Channel}; dropping everything kept here once", _settings.Channel);
        TellHere(ContentChange.WholeSite);
        if (_unsent) SendWholeSite();
    }

    private void Lost(string? endPoint, string failure)
    {
        lock (_lock)
        {
            var warn = _hearing || !_warned;
            _hearing = false;
            _warned = true;
            if (!warn) return;
        }
        // The endpoint and the kind of failure only: the configuration string may hold a password.
        _log.LogWarning("Redis at {EndPoint} cannot be reached ({Failure}). Pages are still served and changes saved, but other Parley " +
            "processes' changes go unheard, so everything kept here is dropped every {Seconds} s until Redis answers", endPoint, failure,
            _settings.DisconnectedMaxSeconds);
    }

    private void SayHello()
    {
        if (_redis is { IsConnected: true } redis) Send(redis, ChangeMessage.Hello(_origin), change: false);
    }

    private void SendWholeSite()
    {
        _unsent = false;
        if (_redis is { } redis) Send(redis, ChangeMessage.Write(_origin, ContentChange.WholeSite), change: true);
    }

    private void Send(ConnectionMultiplexer redis, string message, bool change)
    {
        Task<long> sent;
        try { sent = redis.GetSubscriber().PublishAsync(_channel, message); }
        catch (RedisException ex) { sent = Task.FromException<long>(ex); }
        sent.ContinueWith(t =>
        {
            if (!change) return; // a hello that did not arrive is said again on the next tick
            _unsent = true;
            _log.LogWarning("A change could not be sent to the other Parley processes ({Error}); they are told everything changed once Redis answers",
                t.Exception?.InnerException?.GetType().Name);
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public override void Dispose()
    {
        base.Dispose();
        _redis?.Dispose();
    }
}
