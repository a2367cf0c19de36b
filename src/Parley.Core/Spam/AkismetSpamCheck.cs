using Microsoft.Extensions.Logging;
using Parley.Core.Settings;

namespace Parley.Core.Spam;

/// <summary>
/// Asks an Akismet-compatible service (<c>POST /1.1/comment-check</c>; "true" means spam). Five
/// seconds at most: a comment must never wait long, or be lost, because a third party is slow.
/// </summary>
public sealed class AkismetSpamCheck(ILogger<AkismetSpamCheck> logger) : ISpamCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public async Task<SpamVerdict> CheckAsync(SpamCandidate candidate, SiteSettings settings, CancellationToken ct)
    {
        if (!settings.SpamCheckEnabled || string.IsNullOrWhiteSpace(settings.SpamCheckEndpoint) || string.IsNullOrWhiteSpace(settings.SpamCheckApiKey))
            return SpamVerdict.Ham;
        var c = candidate.Comment;
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = settings.SpamCheckApiKey,
            ["blog"] = new Uri(candidate.Permalink).GetLeftPart(UriPartial.Authority) + "/",
            ["user_ip"] = c.AuthorIp ?? "",
            ["user_agent"] = c.UserAgent ?? "",
            ["referrer"] = candidate.Referrer ?? "",
            ["permalink"] = candidate.Permalink,
            ["comment_type"] = c.ParentId is null ? "comment" : "reply",
            ["comment_author"] = c.AuthorName,
            ["comment_author_email"] = c.AuthorEmail ?? "",
            ["comment_author_url"] = c.AuthorUrl ?? "",
            ["comment_content"] = c.BodySource,
            ["blog_lang"] = settings.Language,
            ["blog_charset"] = "UTF-8",
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await Http.PostAsync(settings.SpamCheckEndpoint.TrimEnd('/') + "/1.1/comment-check",
                new FormUrlEncodedContent(fields), timeout.Token);
            var body = (await response.Content.ReadAsStringAsync(timeout.Token)).Trim();
            if (response.IsSuccessStatusCode && body == "true") return SpamVerdict.Spam;
            if (response.IsSuccessStatusCode && body == "false") return SpamVerdict.Ham;
            logger.LogWarning("The spam service answered {Status} with an unexpected body; the comment waits for moderation", (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("The spam service did not answer in time ({Error}); the comment waits for moderation", ex.GetType().Name);
        }
        return SpamVerdict.Unknown;
    }
}
