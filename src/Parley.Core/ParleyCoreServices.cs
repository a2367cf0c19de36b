using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Core.Posts;
using Parley.Core.Rendering;
using Parley.Core.Search;
using Parley.Core.Seeding;
using Parley.Core.Settings;

namespace Parley.Core;

/// <summary>Registers the services that hold Parley's rules. The host adds the DbContext and the web parts.</summary>
public static class ParleyCoreServices
{
    public static IServiceCollection AddParleyCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Identity's schema version 3 (passkeys). The database model reads it from here too (see ParleyDbContext).
        services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3);
        services.AddMemoryCache();
        services.AddSingleton<PostMarkdownRenderer>();
        services.AddScoped<SettingsService>();
        services.TryAddSingleton<ContentChanges>();
        services.AddScoped<PostService>();
        services.AddScoped<Media.ResponsiveImages>();
        services.AddScoped<PostQueries>();
        services.AddScoped<SitemapQueries>();
        services.AddScoped<PostAutosaves>();
        services.AddScoped<AdminPosts>();
        services.AddScoped<Dashboard>();
        services.AddScoped<CategoryService>();
        services.AddScoped<TagService>();
        services.AddScoped<SearchService>();
        services.AddScoped<DemoContent>();
        services.AddSingleton<CommentMarkdownRenderer>();
        services.AddScoped<Comments.CommentService>();
        services.AddScoped<Comments.CommentQueries>();
        services.AddScoped<Comments.CommentModeration>();
        services.AddScoped<Comments.CommentReactions>();
        services.AddScoped<Notifications.CommentNotifier>();
        services.AddScoped<Notifications.MailQueue>();
        services.AddScoped<Notifications.SubscriptionService>();
        services.AddScoped<Accounts.EmailSignIn>();
        services.AddScoped<Accounts.SecurityLog>();
        services.AddScoped<Accounts.ReaderAccounts>();
        services.AddScoped<Accounts.ReaderData>();
        services.AddScoped<Accounts.StaffAccounts>();
        services.AddScoped<Accounts.AuthSessions>();
        services.AddScoped<Accounts.ApiTokens>();
        services.AddScoped<Export.WxrExporter>();
        services.AddScoped<Archive.JsonArchiveExporter>();
        services.AddScoped<Archive.JsonArchiveImporter>();
        services.TryAddSingleton<Archive.IArchiveSecrets, Archive.NoArchiveSecrets>();
        services.AddScoped<Media.MediaLibrary>();
        services.AddScoped<Import.WordPressImporter>();
        services.TryAddSingleton<Notifications.IMailTransport, Notifications.SmtpMailTransport>();
        services.TryAddSingleton<Spam.ISpamCheck, Spam.AkismetSpamCheck>();
        services.TryAddSingleton<Notifications.ISiteLinks>(new Notifications.FixedSiteLinks("http://localhost"));
        return services;
    }
}
