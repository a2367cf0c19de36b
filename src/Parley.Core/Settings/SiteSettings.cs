namespace Parley.Core.Settings;

public enum SmtpSecurity { None = 0, StartTls = 1, SslOnConnect = 2 }

/// <summary>The site's own settings, one row. Defaults here are what a new site starts with.</summary>
public class SiteSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string Title { get; set; } = "Parley";
    public string Tagline { get; set; } = "Commentary and conversation";
    /// <summary>BCP 47 language tag, used for <c>&lt;html lang&gt;</c> and feeds.</summary>
    public string Language { get; set; } = "en";
    /// <summary>IANA time zone id; dates are shown in it and archive months are cut in it.</summary>
    public string TimeZone { get; set; } = "UTC";
    public string DateFormat { get; set; } = "d MMMM yyyy";
    public int PostsPerPage { get; set; } = 10;
    /// <summary>Number of items in each feed.</summary>
    public int FeedItems { get; set; } = 20;
    // --- Discussion ---
    public Comments.ModerationPolicy CommentModeration { get; set; } = Comments.ModerationPolicy.HoldFirst;
    /// <summary>A comment with more links than this is held for moderation.</summary>
    public int CommentMaxLinks { get; set; } = 2;
    /// <summary>How deep replies nest; replies below the deepest level attach to it.</summary>
    public int CommentThreadDepth { get; set; } = 5;
    public bool CommentsRequireNameAndEmail { get; set; } = true;
    /// <summary>When false only signed-in readers may comment.</summary>
    public bool CommentsAllowGuests { get; set; } = true;
    /// <summary>Close comments on posts older than this many days; null keeps them open.</summary>
    public int? CommentsCloseAfterDays { get; set; }
    public int CommentsPerPage { get; set; } = 50;
    /// <summary>Words, email addresses or IP prefixes (one per line) that send a comment to the queue.</summary>
    public string CommentModerationList { get; set; } = "";
    /// <summary>Words, email addresses or IP prefixes (one per line) that reject a comment outright.</summary>
    public string CommentBlockList { get; set; } = "";
    /// <summary>
    /// Other sites (origins such as <c>https://notes.example.org</c>, one per line) allowed to show this
    /// site's discussions with the embed script; no others get CORS answers.
    /// </summary>
    public string EmbedOrigins { get; set; } = "";
    /// <summary>Secret mixed into avatar keys, so they reveal nothing about an email address elsewhere.</summary>
    public string AvatarSalt { get; set; } = "";

    /// <summary>Ask an Akismet-compatible service about each new comment.</summary>
    public bool SpamCheckEnabled { get; set; }
    public string SpamCheckEndpoint { get; set; } = "https://rest.akismet.com";
    public string? SpamCheckApiKey { get; set; }
    /// <summary>Approved comments after which a commenter skips the hold (the "hold first" policy uses 1).</summary>
    public int CommentTrustAfter { get; set; } = 1;
    /// <summary>Reports from this many readers send an approved comment back to the queue.</summary>
    public int CommentReportThreshold { get; set; } = 3;
    /// <summary>How long a commenter may edit or delete their own comment.</summary>
    public int CommentEditMinutes { get; set; } = 15;
    /// <summary>Use Gravatar images instead of local identicons. Off: Gravatar learns who reads which page.</summary>
    public bool UseGravatar { get; set; }

    // --- Mail ---
    /// <summary>SMTP server for notifications; when empty, mail waits in the outbox until one is set.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string SmtpFrom { get; set; } = "parley@localhost";
    /// <summary>Tell a post's author of each new approved comment.</summary>
    public bool NotifyAuthorOfComments { get; set; } = true;
    /// <summary>Tell a post's author of each comment waiting for moderation.</summary>
    public bool NotifyAuthorOfHeldComments { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
    /// <summary>Last change to anything public (a post published, edited or deleted). Drives Last-Modified.</summary>
    public DateTime ContentChangedAt { get; set; }

    /// <summary>The latest moment any public page could have changed.</summary>
    public DateTime LastChange => ContentChangedAt > UpdatedAt ? ContentChangedAt : UpdatedAt;
}
