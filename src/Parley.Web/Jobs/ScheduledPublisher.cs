using Parley.Core.Posts;

namespace Parley.Web.Jobs;

/// <summary>
/// Flips scheduled posts to published when their time comes. Pages already show due posts; this keeps statuses honest.
/// Every process runs it, which is safe: the flip is one conditional UPDATE, so each post goes live once.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var published = await scope.ServiceProvider.GetRequiredService<PostService>().PublishDueAsync(stoppingToken);
                if (published > 0) logger.LogInformation("Published {Count} scheduled posts", published);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Publishing scheduled posts failed; trying again in {Interval}", Interval);
            }
        }
    }
}
