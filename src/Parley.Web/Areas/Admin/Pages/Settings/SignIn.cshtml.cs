using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Notifications;
using Parley.Web.Auth.Providers;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages.Settings;

/// <summary>The outside sign-ins readers are offered, for Administrators: add from a preset, edit, switch off, remove.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class SignInModel(SignInProviderStore store, ISiteLinks links) : ThemePageModel
{
    public List<SignInProvider> Providers { get; private set; } = [];
    [BindProperty] public ProviderInput Input { get; set; } = new();
    /// <summary>The form is open for this provider (an edit) or preset (a new one).</summary>
    public bool Editing { get; private set; }
    public bool IsNew { get; private set; }
    public string? Note { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    public string CallbackFor(string? key) => links.Absolute("/signin-" + (string.IsNullOrEmpty(key) ? "KEY" : key));

    public async Task<IActionResult> OnGetAsync(string? add, string? edit)
    {
        await LoadAsync();
        Message = TempData["SignIn"] as string;
        if (ProviderPresets.Find(add) is { } preset)
        {
            (Editing, IsNew, Note) = (true, true, preset.Note);
            var key = preset.Key;
            for (var i = 2; Providers.Any(p => p.Key == key); i++) key = $"{preset.Key}-{i}";
            Input = new ProviderInput
            {
                Key = key, Kind = preset.Kind, Preset = preset.Key, DisplayName = preset.DisplayName, Authority = preset.Authority,
                AuthorizationEndpoint = preset.AuthorizationEndpoint, TokenEndpoint = preset.TokenEndpoint, UserInfoEndpoint = preset.UserInfoEndpoint,
                Scopes = preset.Scopes, SortOrder = Providers.Count,
            };
        }
        else if (edit is not null)
        {
            if (Providers.FirstOrDefault(p => p.Key == edit) is not { } p) return NotFound();
            (Editing, Note) = (true, ProviderPresets.Find(p.Preset)?.Note);
            Input = new ProviderInput
            {
                Key = p.Key, Kind = p.Kind, Preset = p.Preset, DisplayName = p.DisplayName, Authority = p.Authority,
                AuthorizationEndpoint = p.AuthorizationEndpoint, TokenEndpoint = p.TokenEndpoint, UserInfoEndpoint = p.UserInfoEndpoint,
                Scopes = p.Scopes, ClientId = p.ClientId, Enabled = p.Enabled, SortOrder = p.SortOrder,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(bool isNew)
    {
        await LoadAsync();
        if (isNew && Providers.Any(p => p.Key == Input.Key?.Trim().ToLowerInvariant()))
            return Fail(isNew, new Dictionary<string, string[]> { [nameof(Input.Key)] = ["Another provider already uses that short name."] });
        try
        {
            await store.SaveAsync(Input, HttpContext.RequestAborted);
        }
        catch (ValidationFailedException ex)
        {
            return Fail(isNew, ex.Errors);
        }
        TempData["SignIn"] = $"{Input.DisplayName} saved. Readers see it on the sign-in page now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key)
    {
        await store.DeleteAsync(key, HttpContext.RequestAborted);
        TempData["SignIn"] = "Provider removed. Readers who used it can still sign in with an emailed code.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Meta.Title = "Sign-in providers";
        Providers = await store.AllAsync(HttpContext.RequestAborted);
    }

    private PageResult Fail(bool isNew, IReadOnlyDictionary<string, string[]> errors)
    {
        (Editing, IsNew, Errors, Note) = (true, isNew, errors, ProviderPresets.Find(Input.Preset)?.Note);
        Input.ClientSecret = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
