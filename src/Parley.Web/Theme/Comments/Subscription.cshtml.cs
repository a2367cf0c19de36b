using Microsoft.AspNetCore.Mvc;
using Parley.Core.Notifications;

namespace Parley.Web.Theme.Comments;

/// <summary>
/// Where the links in comment mail lead. Confirming and stopping take a button press (a POST), so mail
/// scanners that open every link can neither subscribe nor unsubscribe anyone.
/// </summary>
public sealed class SubscriptionModel(SubscriptionService subscriptions) : ThemePageModel
{
    public SubscriptionService.View? View { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token) => await ShowAsync(token);

    public async Task<IActionResult> OnPostConfirmAsync(string token)
    {
        if (!await subscriptions.ConfirmAsync(token, HttpContext.RequestAborted)) return NotFound();
        return await ShowAsync(token);
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(string token)
    {
        if (!await subscriptions.UnsubscribeAsync(token, HttpContext.RequestAborted)) return NotFound();
        return await ShowAsync(token);
    }

    private async Task<IActionResult> ShowAsync(string token)
    {
        View = await subscriptions.FindAsync(token, HttpContext.RequestAborted);
        if (View is null) return NotFound();
        Meta.NoIndex = true;
        var s = View.Subscription;
        var what = s.Scope == SubscriptionScope.Thread ? "new comments" : "replies to your comment";
        (Heading, Message) = s switch
        {
            { UnsubscribedAt: not null } => ("You will get no more emails", $"You no longer follow {what} on “{View.PostTitle}”."),
            { ConfirmedAt: not null } => ("You are following the discussion", $"You will get an email for {what} on “{View.PostTitle}”."),
            _ => ("Confirm your subscription", $"Press Confirm to get an email for {what} on “{View.PostTitle}”."),
        };
        Meta.Title = Heading;
        return Page();
    }
}
