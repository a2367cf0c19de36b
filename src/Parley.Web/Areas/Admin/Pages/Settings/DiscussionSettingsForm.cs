using System.ComponentModel.DataAnnotations;
using Parley.Core.Comments;
using Parley.Core.Settings;

namespace Parley.Web.Areas.Admin.Pages.Settings;

/// <summary>The discussion and mail settings as the form posts them, with the limits a person is told about.</summary>
public sealed class DiscussionSettingsForm
{
    public ModerationPolicy Moderation { get; set; }
    [Range(1, 100, ErrorMessage = "Trust after between 1 and 100 approved comments.")] public int TrustAfter { get; set; }
    [Range(0, 100, ErrorMessage = "Allow between 0 and 100 links.")] public int MaxLinks { get; set; }
    [Range(1, 10, ErrorMessage = "Threads nest between 1 and 10 levels deep.")] public int ThreadDepth { get; set; }
    public bool RequireNameAndEmail { get; set; }
    public bool AllowGuests { get; set; }
    [Range(1, 36_500, ErrorMessage = "Close after between 1 and 36,500 days, or leave it empty.")] public int? CloseAfterDays { get; set; }
    [Range(5, 500, ErrorMessage = "Show between 5 and 500 threads per page.")] public int PerPage { get; set; }
    [Range(0, 1440, ErrorMessage = "Allow edits for between 0 and 1,440 minutes.")] public int EditMinutes { get; set; }
    [Range(1, 1000, ErrorMessage = "Hold after between 1 and 1,000 reports.")] public int ReportThreshold { get; set; }
    [StringLength(20_000, ErrorMessage = "The moderation list is longer than 20,000 characters.")] public string? ModerationList { get; set; }
    [StringLength(20_000, ErrorMessage = "The block list is longer than 20,000 characters.")] public string? BlockList { get; set; }
    public bool UseGravatar { get; set; }
    [StringLength(5000, ErrorMessage = "The list of sites is longer than 5,000 characters.")] public string? EmbedOrigins { get; set; }
    public bool NotifyAuthorOfComments { get; set; }
    public bool NotifyAuthorOfHeldComments { get; set; }
    public bool SpamCheckEnabled { get; set; }
    [Url(ErrorMessage = "The spam service address must be a full address, such as https://rest.akismet.com.")] public string? SpamCheckEndpoint { get; set; }
    [StringLength(200)] public string? SpamCheckApiKey { get; set; }
    [StringLength(255)] public string? SmtpHost { get; set; }
    [Range(1, 65535, ErrorMessage = "The SMTP port is a number from 1 to 65535.")] public int SmtpPort { get; set; }
    public SmtpSecurity SmtpSecurity { get; set; }
    [StringLength(255)] public string? SmtpUser { get; set; }
    /// <summary>Left empty, the stored password is kept: it is never sent back to the browser.</summary>
    [StringLength(500)] public string? SmtpPassword { get; set; }
    [Required(ErrorMessage = "Give the address mail comes from."), EmailAddress(ErrorMessage = "The sender must be an email address.")] public string? SmtpFrom { get; set; }

    public static DiscussionSettingsForm From(SiteSettings s) => new()
    {
        Moderation = s.CommentModeration, TrustAfter = s.CommentTrustAfter, MaxLinks = s.CommentMaxLinks, ThreadDepth = s.CommentThreadDepth,
        RequireNameAndEmail = s.CommentsRequireNameAndEmail, AllowGuests = s.CommentsAllowGuests, CloseAfterDays = s.CommentsCloseAfterDays,
        PerPage = s.CommentsPerPage, EditMinutes = s.CommentEditMinutes, ReportThreshold = s.CommentReportThreshold,
        ModerationList = s.CommentModerationList, BlockList = s.CommentBlockList, UseGravatar = s.UseGravatar, EmbedOrigins = s.EmbedOrigins,
        NotifyAuthorOfComments = s.NotifyAuthorOfComments, NotifyAuthorOfHeldComments = s.NotifyAuthorOfHeldComments,
        SpamCheckEnabled = s.SpamCheckEnabled, SpamCheckEndpoint = s.SpamCheckEndpoint, SpamCheckApiKey = s.SpamCheckApiKey,
        SmtpHost = s.SmtpHost, SmtpPort = s.SmtpPort, SmtpSecurity = s.SmtpSecurity, SmtpUser = s.SmtpUser, SmtpFrom = s.SmtpFrom,
    };

    public void ApplyTo(SiteSettings s)
    {
        s.CommentModeration = Moderation; s.CommentTrustAfter = TrustAfter; s.CommentMaxLinks = MaxLinks; s.CommentThreadDepth = ThreadDepth;
        s.CommentsRequireNameAndEmail = RequireNameAndEmail; s.CommentsAllowGuests = AllowGuests; s.CommentsCloseAfterDays = CloseAfterDays;
        s.CommentsPerPage = PerPage; s.CommentEditMinutes = EditMinutes; s.CommentReportThreshold = ReportThreshold;
        s.CommentModerationList = Lines(ModerationList); s.CommentBlockList = Lines(BlockList); s.UseGravatar = UseGravatar;
        s.EmbedOrigins = string.Join('\n', (EmbedOrigins ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(o => Uri.TryCreate(o, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.GetLeftPart(UriPartial.Authority) : null).OfType<string>().Distinct());
        s.NotifyAuthorOfComments = NotifyAuthorOfComments; s.NotifyAuthorOfHeldComments = NotifyAuthorOfHeldComments;
        s.SpamCheckEnabled = SpamCheckEnabled; s.SpamCheckEndpoint = string.IsNullOrWhiteSpace(SpamCheckEndpoint) ? "https://rest.akismet.com" : SpamCheckEndpoint.Trim();
        s.SpamCheckApiKey = SpamCheckApiKey?.Trim();
        s.SmtpHost = SmtpHost?.Trim(); s.SmtpPort = SmtpPort; s.SmtpSecurity = SmtpSecurity; s.SmtpUser = SmtpUser?.Trim(); s.SmtpFrom = SmtpFrom!.Trim();
        if (!string.IsNullOrEmpty(SmtpPassword)) s.SmtpPassword = SmtpPassword;
    }

    private static string Lines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
