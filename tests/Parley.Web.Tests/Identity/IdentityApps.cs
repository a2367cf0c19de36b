using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>Apps for sign-in tests: comments publish at once, no typing-time minimum, mail goes to a real SMTP listener.</summary>
public sealed class IdentityApps : ParleyApps
{
    public TestSmtp Smtp { get; } = new();

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Parley:Limits:CommentMinimumSeconds"] = "0",
        ["Parley:Limits:CommentsPerWindow"] = "100000",
        ["Parley:SignIn:FediverseOverHttp"] = "true",
    };

    public async Task<ParleyApp> GetWithMailAsync(DatabaseProvider provider)
    {
        var app = await GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", Smtp.Port, SmtpSecurity.None, "blog@example.org");
            s.CommentModeration = ModerationPolicy.PublishAll;
        }, DateTime.UtcNow);
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}
