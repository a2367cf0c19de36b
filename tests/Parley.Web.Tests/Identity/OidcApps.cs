using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>Parley on a real loopback port, so an outside provider can send the browser back to it; comments publish at once.</summary>
public sealed class OidcApps : ParleyApps
{
    protected override bool RealServer => true;

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Parley:Limits:CommentMinimumSeconds"] = "0",
        ["Parley:Limits:CommentsPerWindow"] = "100000",
        // The fake fediverse server runs on loopback over plain http.
        ["Parley:SignIn:FediverseOverHttp"] = "true",
    };

    public TestSmtp Smtp { get; } = new();

    /// <summary>The app with comments published at once and mail going to <see cref="Smtp"/>.</summary>
    public async Task<ParleyApp> GetPublishingAsync(DatabaseProvider provider)
    {
        var app = await GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            s.CommentModeration = ModerationPolicy.PublishAll;
            (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", Smtp.Port, SmtpSecurity.None, "blog@example.org");
        }, DateTime.UtcNow);
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}
