using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchByPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index holds only posts that are or will be public (Scheduled, Published), under a row id that
            // orders them by publication time: (whole seconds since 1970, clamped to ±2^32) × 2^30 + Id. SearchService
            // explains the queries this allows. The table keeps its own copy of the texts, so a deletion needs only the
            // row id, and Posts needs no extra column or view (which a later rebuild of Posts would lose or break).
            // A later migration that rebuilds Posts must recreate these triggers (SearchVisibilityTests fail if not).
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS Posts_SearchInsert;
                DROP TRIGGER IF EXISTS Posts_SearchDelete;
                DROP TRIGGER IF EXISTS Posts_SearchUpdate;
                DROP TABLE IF EXISTS PostSearch;
                CREATE VIRTUAL TABLE PostSearch USING fts5(Title, BodyText, tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE PostSearchWords USING fts5vocab(PostSearch, 'row');
                INSERT INTO PostSearch(rowid, Title, BodyText)
                    SELECT max(-4294967296, min(4294967295, unixepoch(PublishedAt))) * 1073741824 + Id, Title, BodyText FROM Posts
                    WHERE Status IN (1, 2) AND unixepoch(PublishedAt) IS NOT NULL AND Id < 1073741824;
                CREATE TRIGGER Posts_SearchInsert AFTER INSERT ON Posts
                WHEN new.Status IN (1, 2) AND unixepoch(new.PublishedAt) IS NOT NULL AND new.Id < 1073741824 BEGIN
                    INSERT INTO PostSearch(rowid, Title, BodyText)
                    VALUES (max(-4294967296, min(4294967295, unixepoch(new.PublishedAt))) * 1073741824 + new.Id, new.Title, new.BodyText);
                END;
                CREATE TRIGGER Posts_SearchDelete AFTER DELETE ON Posts BEGIN
                    DELETE FROM PostSearch WHERE rowid = max(-4294967296, min(4294967295, unixepoch(old.PublishedAt))) * 1073741824 + old.Id
                        AND old.Id < 1073741824;
                END;
                CREATE TRIGGER Posts_SearchUpdate AFTER UPDATE OF Title, BodyText, Status, PublishedAt ON Posts BEGIN
                    DELETE FROM PostSearch WHERE rowid = max(-4294967296, min(4294967295, unixepoch(old.PublishedAt))) * 1073741824 + old.Id
                        AND old.Id < 1073741824;
                    INSERT INTO PostSearch(rowid, Title, BodyText)
                    SELECT max(-4294967296, min(4294967295, unixepoch(new.PublishedAt))) * 1073741824 + new.Id, new.Title, new.BodyText
                    WHERE new.Status IN (1, 2) AND unixepoch(new.PublishedAt) IS NOT NULL AND new.Id < 1073741824;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the index of every post by Id, its texts read from Posts.
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS PostSearchWords;
                DROP TRIGGER IF EXISTS Posts_SearchInsert;
                DROP TRIGGER IF EXISTS Posts_SearchDelete;
                DROP TRIGGER IF EXISTS Posts_SearchUpdate;
                DROP TABLE IF EXISTS PostSearch;
                CREATE VIRTUAL TABLE PostSearch USING fts5(
                    Title, BodyText, content='Posts', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                INSERT INTO PostSearch(PostSearch) VALUES ('rebuild');
                CREATE TRIGGER Posts_SearchInsert AFTER INSERT ON Posts BEGIN
                    INSERT INTO PostSearch(rowid, Title, BodyText) VALUES (new.Id, new.Title, new.BodyText);
                END;
                CREATE TRIGGER Posts_SearchDelete AFTER DELETE ON Posts BEGIN
                    INSERT INTO PostSearch(PostSearch, rowid, Title, BodyText) VALUES ('delete', old.Id, old.Title, old.BodyText);
                END;
                CREATE TRIGGER Posts_SearchUpdate AFTER UPDATE OF Title, BodyText ON Posts BEGIN
                    INSERT INTO PostSearch(PostSearch, rowid, Title, BodyText) VALUES ('delete', old.Id, old.Title, old.BodyText);
                    INSERT INTO PostSearch(rowid, Title, BodyText) VALUES (new.Id, new.Title, new.BodyText);
                END;
                """);
        }
    }
}
