using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Core.Settings;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages.Settings;

/// <summary>Discussion, spam and mail settings, for Administrators. A bad value is explained and nothing is saved.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class DiscussionModel(SettingsService settings, MailQueue mail, ParleyDbContext db, UserManager<ParleyUser> users, TimeProvider clock) : ThemePageModel
{
    [BindProperty] public DiscussionSettingsForm Form { get; set; } = new();
    public bool HasSmtpPassword { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        var current = await settings.GetAsync(HttpContext.RequestAborted);
        Form = DiscussionSettingsForm.From(current);
        HasSmtpPassword = !string.IsNullOrEmpty(current.SmtpPassword);
        Message = TempData["Settings"] as string;
        Meta.Title = "Discussion settings";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Meta.Title = "Discussion settings";
        HasSmtpPassword = !string.IsNullOrEmpty((await settings.GetAsync(HttpContext.RequestAborted)).SmtpPassword);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await settings.SaveAsync(Form.ApplyTo, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        TempData["Settings"] = "Settings saved.";
        return RedirectToPage();
    }

    /// <summary>Queues a test mail to the signed-in administrator, so the owner sees the SMTP settings work.</summary>
    public async Task<IActionResult> OnPostTestMailAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me?.Email is null) return Challenge();
        mail.Enqueue(me.Email, "Parley test mail", "If you can read this, Parley can send mail.");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Settings"] = $"A test mail to {me.Email} is on its way. If it does not arrive within a minute, check the SMTP settings; failures are logged.";
        return RedirectToPage();
    }
}
