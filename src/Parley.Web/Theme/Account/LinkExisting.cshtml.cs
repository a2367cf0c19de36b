using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Web.Auth;

namespace Parley.Web.Theme.Account;

/// <summary>"A profile here already uses this address: link this account to it, or keep them apart?"</summary>
public sealed class LinkExistingModel(PendingLink pending, ReaderAccounts readers, ReaderSignIn readerSignIn, SecurityLog log) : ThemePageModel
{
    public PendingLink.Pending? Waiting { get; private set; }

    public IActionResult OnGet()
    {
        Meta.Title = "Link to your profile?";
        Meta.NoIndex = true;
        Waiting = pending.Read(Request);
        return Waiting is null ? LocalRedirect("/account/signin?problem=" + SignInProblems.Provider) : Page();
    }

    public async Task<IActionResult> OnPostAsync(bool link)
    {
        if (pending.Read(Request) is not { } waiting) return LocalRedirect("/account/signin?problem=" + SignInProblems.Provider);
        pending.Clear(Response);
        var identity = waiting.Identity;
        if (link && identity.Email is { } email && await readers.FindVerifiedReaderByEmailAsync(email, HttpContext.RequestAborted) is { } existing)
        {
            var linked = await readers.LinkAsync(existing, identity);
            if (!linked.Succeeded) return LocalRedirect("/account/signin?problem=" + SignInProblems.Taken);
            await log.RecordAsync(SecurityLog.Kinds.IdentityLinked, existing.Id, identity.ProviderName + " (same verified address)", HttpContext.Connection.RemoteIpAddress?.ToString());
            var outcome = await readerSignIn.SignInAsync(HttpContext, existing, identity.ProviderName);
            return outcome.Problem is { } problem ? LocalRedirect("/account/signin?problem=" + problem) : LocalRedirect(waiting.ReturnUrl);
        }
        var separate = await readerSignIn.SignInAsync(HttpContext, identity);
        return separate.Problem is { } p ? LocalRedirect("/account/signin?problem=" + p) : LocalRedirect(waiting.ReturnUrl);
    }
}
