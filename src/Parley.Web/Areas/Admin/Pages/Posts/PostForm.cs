using System.Globalization;
using Parley.Core.Posts;

namespace Parley.Web.Areas.Admin.Pages.Posts;

/// <summary>The editor's fields as the browser posts them; times are in the site's time zone.</summary>
public sealed class PostForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Slug { get; set; }
    public string? Excerpt { get; set; }
    public string[] Categories { get; set; } = [];
    /// <summary>Comma-separated, as typed.</summary>
    public string? Tags { get; set; }
    public string? ReaderQuestion { get; set; }
    public bool CommentsOpen { get; set; } = true;
    public int? CloseAfterDays { get; set; }
    /// <summary>"yyyy-MM-ddTHH:mm" from a datetime-local field, in the site's zone.</summary>
    public string? PublishAt { get; set; }
    public int? FeaturedImageId { get; set; }
    public int Version { get; set; }

    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public static PostForm From(Post post, TimeZoneInfo zone) => new()
    {
        Title = post.Title, Body = post.BodySource, Slug = post.Slug, Excerpt = post.Excerpt,
        Categories = post.Categories.Select(c => c.Slug).ToArray(), Tags = string.Join(", ", post.Tags.Select(t => t.Name)),
        ReaderQuestion = post.ReaderQuestion, CommentsOpen = post.CommentsOpen, CloseAfterDays = post.CommentsCloseAfterDays,
        PublishAt = post.PublishedAt is { } at ? TimeZoneInfo.ConvertTimeFromUtc(at, zone).ToString(LocalFormat, CultureInfo.InvariantCulture) : null,
        FeaturedImageId = post.FeaturedImageId, Version = post.Version,
    };

    /// <summary>The publish time in UTC; false when something was typed that is not a date and time.</summary>
    public bool TryPublishAtUtc(TimeZoneInfo zone, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(PublishAt)) return true;
        if (!DateTime.TryParseExact(PublishAt.Trim(), [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 1900 or > 2999) return false;
        utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return true;
    }

    public PostInput ToInput(PostKind kind, PostStatus status, DateTime? publishAtUtc, int? expectedVersion) => new()
    {
        Kind = kind, Title = Title ?? "", Body = Body ?? "", Slug = Slug, Excerpt = Excerpt, Status = status, PublishAt = publishAtUtc,
        Categories = Categories, Tags = (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(50).ToList(),
        ReaderQuestion = ReaderQuestion, CommentsOpen = CommentsOpen, CommentsCloseAfterDays = CloseAfterDays,
        FeaturedImageId = FeaturedImageId, ExpectedVersion = expectedVersion,
    };

    /// <summary>Words and minutes at 230 words a minute, as the editor shows them.</summary>
    public static (int Words, int Minutes) Reading(string? body)
    {
        var words = (body ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
        return (words, Math.Max(1, (int)Math.Round(words / 230.0)));
    }
}
