using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Posts;

namespace Parley.Core.Data.Configurations;

internal sealed class PathRedirectConfiguration : IEntityTypeConfiguration<PathRedirect>
{
    public void Configure(EntityTypeBuilder<PathRedirect> redirect)
    {
        redirect.Property(r => r.Path).HasMaxLength(500);
        redirect.HasIndex(r => r.Path).IsUnique();
        redirect.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
