using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The search vector was a STORED generated column, which PostgreSQL recomputes on every update of the row,
    /// whichever column changed: each comment's count update re-ran to_tsvector over the whole post (the statement
    /// profile in docs/benchmarks.md). A trigger limited to changes of the title or the text keeps it instead.
    /// DROP EXPRESSION keeps the stored values and the GIN index, so nothing is rebuilt.
    /// </summary>
    public partial class SearchVectorByTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Posts" ALTER COLUMN "SearchVector" DROP EXPRESSION;
                CREATE FUNCTION parley_posts_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."SearchVector" := setweight(to_tsvector('simple', coalesce(NEW."Title", '')), 'A') ||
                                          setweight(to_tsvector('simple', coalesce(NEW."BodyText", '')), 'B');
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Posts_SearchVector" BEFORE INSERT OR UPDATE OF "Title", "BodyText" ON "Posts"
                    FOR EACH ROW EXECUTE FUNCTION parley_posts_search_vector();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Posts_SearchVector" ON "Posts";
                DROP FUNCTION IF EXISTS parley_posts_search_vector();
                DROP INDEX IF EXISTS "IX_Posts_SearchVector";
                ALTER TABLE "Posts" DROP COLUMN IF EXISTS "SearchVector";
                ALTER TABLE "Posts" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('simple', coalesce("BodyText", '')), 'B')) STORED;
                CREATE INDEX "IX_Posts_SearchVector" ON "Posts" USING GIN ("SearchVector");
                """);
        }
    }
}
