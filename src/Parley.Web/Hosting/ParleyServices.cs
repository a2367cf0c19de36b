using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Data;

namespace Parley.Web.Hosting;

/// <summary>Registers Parley's services: what Program.cs calls, feature by feature.</summary>
public static class ParleyServices
{
    public static WebApplicationBuilder AddParley(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ParleyOptions>().BindConfiguration(ParleyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Data annotations are not checked inside nested objects, so the limits are validated on their own.
        services.AddOptions<LimitSettings>().BindConfiguration(ParleyOptions.Section + ":Limits").ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ParleyOptions.Section).Get<ParleyOptions>() ?? new ParleyOptions();
        Directory.CreateDirectory(options.FullDataPath);

        builder.AddParleyDatabase(options);
        services.AddDataProtection().SetApplicationName("Parley")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.FullDataPath, "keys")));
        services.AddParleyIdentity();

        services.AddSingleton<Parley.Core.Notifications.ISiteLinks, SiteLinks>();
        services.AddParleyCore();
        services.AddHostedService<Jobs.ScheduledPublisher>();
        services.AddHostedService<Jobs.MailDispatcher>();

        services.AddHttpContextAccessor();
        services.AddScoped<Theme.SiteContext>();
        services.AddScoped<Theme.PageMeta>();
        services.AddSingleton<Theme.ContentVersionCache>();
        services.AddScoped<Feeds.FeedSource>();
        services.AddScoped<Theme.Comments.Discussion>();
        services.AddSingleton<Theme.Comments.CommenterCookies>();
        services.AddSingleton<Theme.Comments.FormTiming>();
        services.AddSingleton<Theme.Comments.CommentRateLimiter>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "parley_af";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.FormFieldName = "__parley_af";
        });

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Theme";
            // The admin area lives in Areas/Admin (the framework's own way to keep a second set of pages apart).
            o.Conventions.AuthorizeAreaFolder("Admin", "/", Auth.Policies.Staff);
        });
        services.AddSingleton<Auth.SignInThrottle>();
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Long addresses get Parley's own 400 page (see RequestLimits) rather than a bare 414.
            k.Limits.MaxRequestLineSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        return builder;
    }

    private static void AddParleyDatabase(this WebApplicationBuilder builder, ParleyOptions options)
    {
        var provider = options.Database.Provider;
        var connectionString = builder.Configuration.GetConnectionString("Parley");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new OptionsValidationException(ParleyOptions.Section, typeof(ParleyOptions),
                    ["Parley:Database:Provider is Postgres but ConnectionStrings:Parley is empty. Set ConnectionStrings__Parley."]);
            connectionString = ParleyDatabase.SqliteFile(options.FullDataPath);
        }
        builder.Services.AddDbContextPool<ParleyDbContext>(db => db.Use(provider, connectionString));
    }

    private static void AddParleyIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<ParleyUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ParleyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "parley_auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/signin";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Auth.Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Auth.Policies.Moderate, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Author));
        // OWASP (2023+): PBKDF2-HMAC-SHA512 needs at least 210,000 iterations; the framework default is 100,000.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
    }
}
