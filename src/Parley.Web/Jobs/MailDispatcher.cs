using Parley.Core.Notifications;

namespace Parley.Web.Jobs;

/// <summary>
/// Delivers queued mail every few seconds; a failure is logged and retried later by the queue's own rules.
/// Every process runs it: the queue's claims make each mail go out from one of them only.
/// </summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MailDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<MailQueue>().DeliverDueAsync(ct: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Delivering queued mail failed; trying again in {Interval}", Interval);
            }
        }
    }
}
