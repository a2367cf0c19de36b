using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Settings;

namespace Parley.Core.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> settings)
    {
        settings.Property(s => s.EmbedOrigins).HasMaxLength(5000);
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.Title).HasMaxLength(200);
        settings.Property(s => s.Tagline).HasMaxLength(500);
        settings.Property(s => s.Language).HasMaxLength(35);
        settings.Property(s => s.TimeZone).HasMaxLength(100);
        settings.Property(s => s.DateFormat).HasMaxLength(50);
        settings.Property(s => s.CommentModerationList).HasMaxLength(20_000);
        settings.Property(s => s.CommentBlockList).HasMaxLength(20_000);
        settings.Property(s => s.AvatarSalt).HasMaxLength(100);
        settings.Property(s => s.SmtpHost).HasMaxLength(255);
        settings.Property(s => s.SpamCheckEndpoint).HasMaxLength(500);
        settings.Property(s => s.SpamCheckApiKey).HasMaxLength(200);
        settings.Property(s => s.SmtpUser).HasMaxLength(255);
        settings.Property(s => s.SmtpPassword).HasMaxLength(500);
        settings.Property(s => s.SmtpFrom).HasMaxLength(255);
    }
}
