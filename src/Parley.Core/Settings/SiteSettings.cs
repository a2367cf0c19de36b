namespace Parley.Core.Settings;

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
    public DateTime UpdatedAt { get; set; }
    /// <summary>Last change to anything public (a post published, edited or deleted). Drives Last-Modified.</summary>
    public DateTime ContentChangedAt { get; set; }

    /// <summary>The latest moment any public page could have changed.</summary>
    public DateTime LastChange => ContentChangedAt > UpdatedAt ? ContentChangedAt : UpdatedAt;
}
