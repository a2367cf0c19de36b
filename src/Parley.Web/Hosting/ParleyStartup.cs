using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Seeding;

namespace Parley.Web.Hosting;

/// <summary>What happens once before the first request: migrate, create the administrator, seed demo content.</summary>
public static class ParleyStartup
{
    public static async Task PrepareAsync(this WebApplication app, bool seedDemoContent = true)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<ParleyOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Startup");
        var clock = services.GetRequiredService<TimeProvider>();

        await ParleyDatabase.MigrateAsync(services.GetRequiredService<ParleyDbContext>());
        await services.GetRequiredService<Auth.Providers.SignInProviderRegistry>().ReloadAsync(services.GetRequiredService<ParleyDbContext>());
        Directory.CreateDirectory(options.MediaPath);
        await services.GetRequiredService<Parley.Core.Settings.SettingsService>().EnsureCreatedAsync(clock.GetUtcNow().UtcDateTime);

        var (admin, generatedPassword) = await AdminAccount.EnsureAsync(
            services.GetRequiredService<UserManager<ParleyUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(),
            options.AdminEmail, options.AdminPassword, clock.GetUtcNow().UtcDateTime);
        if (generatedPassword is not null)
        {
            // Printed to the console only, never to the log: logs are often shipped elsewhere.
            Console.WriteLine();
            Console.WriteLine("  Parley created the administrator account:");
            Console.WriteLine($"    email:    {options.AdminEmail}");
            Console.WriteLine($"    password: {generatedPassword}");
            Console.WriteLine("  It is shown this once. Sign in and change it.");
            Console.WriteLine();
        }

        if (seedDemoContent && options.SeedDemoContent && await services.GetRequiredService<DemoContent>().SeedIfEmptyAsync(admin.Id))
            logger.LogInformation("Seeded the demo content");
        // Posts whose time came while Parley was stopped go live now.
        await services.GetRequiredService<PostService>().PublishDueAsync();
    }
}
