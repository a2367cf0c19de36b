using Parley.Core.Comments;
using Parley.Core.Settings;

namespace Parley.Core.Spam;

public enum SpamVerdict { Ham, Spam, Unknown }

/// <summary>What an outside spam service is told about a new comment.</summary>
public sealed record SpamCandidate(Comment Comment, string Permalink, string? Referrer);

/// <summary>The seam to an outside spam service (an Akismet-compatible API). Off unless the owner turns it on.</summary>
public interface ISpamCheck
{
    /// <summary>Never throws: a failing or slow service answers <see cref="SpamVerdict.Unknown"/>, and the comment waits for a person.</summary>
    Task<SpamVerdict> CheckAsync(SpamCandidate candidate, SiteSettings settings, CancellationToken ct);
}
