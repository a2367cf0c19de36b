using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Posts;

namespace Parley.Core.Data.Configurations;

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> revision)
    {
        revision.Property(r => r.Title).HasMaxLength(300);
        revision.HasIndex(r => new { r.PostId, r.CreatedAt });
    }
}
