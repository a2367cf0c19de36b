using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Core.Settings;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages.Settings;

/// <summary>The site's name, tagline, language, time zone, date format and listing sizes, for Administrators.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class GeneralModel(SettingsService settings, TimeProvider clock) : ThemePageModel
{
    public sealed class GeneralForm
    {
        [Required(ErrorMessage = "Give the site a title."), StringLength(200)] public string? Title { get; set; }
        [StringLength(300)] public string? Tagline { get; set; }
        [Required, StringLength(35)] public string Language { get; set; } = "en";
        [Required] public string TimeZone { get; set; } = "UTC";
        [Required, StringLength(50)] public string DateFormat { get; set; } = "d MMMM yyyy";
        [Range(1, 100, ErrorMessage = "Show 1 to 100 posts per page.")] public int PostsPerPage { get; set; } = 10;
        [Range(1, 100, ErrorMessage = "Put 1 to 100 items in each feed.")] public int FeedItems { get; set; } = 20;

        /// <summary>The checks attributes cannot make, run alongside them so every mistake is shown at once.</summary>
        public IEnumerable<(string Field, string Message)> Problems()
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _)) yield return (nameof(TimeZone), "Choose a time zone from the list.");
            CultureInfo? culture = null;
            try { culture = CultureInfo.GetCultureInfo(Language ?? "", predefinedOnly: true); } catch (CultureNotFoundException) { }
            if (culture is null || string.IsNullOrEmpty(Language)) yield return (nameof(Language), "Give a language tag such as en, en-GB, de or pt-BR.");
            string? sample = null;
            try { sample = new DateTime(2026, 11, 27).ToString(DateFormat ?? "", CultureInfo.InvariantCulture); } catch (FormatException) { }
            if (sample is null || sample == DateFormat) yield return (nameof(DateFormat), "Use a date pattern such as d MMMM yyyy or yyyy-MM-dd.");
        }
    }

    [BindProperty] public GeneralForm Form { get; set; } = new();
    public string? Message { get; private set; }
    public static IReadOnlyList<string> Zones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order().ToList();

    public async Task OnGetAsync()
    {
        Meta.Title = "General settings";
        var s = await settings.GetAsync(HttpContext.RequestAborted);
        Form = new GeneralForm { Title = s.Title, Tagline = s.Tagline, Language = s.Language, TimeZone = s.TimeZone, DateFormat = s.DateFormat, PostsPerPage = s.PostsPerPage, FeedItems = s.FeedItems };
        Message = TempData["General"] as string;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Meta.Title = "General settings";
        foreach (var (field, message) in Form.Problems()) ModelState.AddModelError("Form." + field, message);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await settings.SaveAsync(s =>
        {
            (s.Title, s.Tagline, s.Language, s.TimeZone, s.DateFormat, s.PostsPerPage, s.FeedItems) =
                (Form.Title!.Trim(), Form.Tagline?.Trim() ?? "", Form.Language.Trim(), Form.TimeZone, Form.DateFormat.Trim(), Form.PostsPerPage, Form.FeedItems);
        }, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        TempData["General"] = "Settings saved.";
        return RedirectToPage();
    }
}
