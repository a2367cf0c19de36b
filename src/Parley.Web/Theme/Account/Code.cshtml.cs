using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core.Accounts;
using Parley.Web.Auth;

namespace Parley.Web.Theme.Account;

/// <summary>Where the reader types the emailed code, and where the emailed link lands (a button, so mail scanners that follow links do not use it up).</summary>
public sealed class CodeModel(EmailSignIn emailSignIn, ReaderSignIn readerSignIn) : ThemePageModel
{
    [BindProperty(SupportsGet = true)] public string? RequestId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Link { get; set; }
    [BindProperty] public string? Code { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        Meta.Title = "Enter your code";
        Meta.NoIndex = true;
        return RequestId is { Length: > 0 and <= 64 } || Link is { Length: > 0 and <= 64 } ? Page() : LocalRedirect("/account/signin");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Meta.Title = "Enter your code";
        Meta.NoIndex = true;
        EmailSignIn.Redeemed? redeemed;
        if (Link is { Length: > 0 and <= 64 } link)
        {
            redeemed = await emailSignIn.RedeemLinkAsync(link, HttpContext.RequestAborted);
            if (redeemed is null) return LocalRedirect("/account/signin?problem=" + SignInProblems.Link);
        }
        else
        {
            if (RequestId is not { Length: > 0 and <= 64 } request) return LocalRedirect("/account/signin");
            if (Code is not { Length: > 0 and <= 20 })
                return Fail("Enter the six-digit code from the email.");
            redeemed = await emailSignIn.RedeemCodeAsync(request, Code, HttpContext.RequestAborted);
            if (redeemed is null)
                return Fail(await emailSignIn.IsLiveAsync(request, HttpContext.RequestAborted)
                    ? "That code is not right. Check the newest email and try again."
                    : "That code has expired or was tried too many times. Ask for a new one.");
        }
        var outcome = await readerSignIn.SignInAsync(HttpContext, OutsideIdentity.ForEmail(redeemed.Email));
        var back = ReaderSignIn.SafeReturn(Url, redeemed.ReturnUrl);
        return outcome.Problem is { } problem
            ? LocalRedirect(SignInProblems.PageFor(problem, back))
            : LocalRedirect(back);
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Code = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
