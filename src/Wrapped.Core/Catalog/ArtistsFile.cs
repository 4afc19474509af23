using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>The columns of artists.csv and how one row is read.</summary>
public static class ArtistsFile
{
    public static readonly CsvColumn Id = CsvColumn.Mandatory("id");
    public static readonly CsvColumn Name = CsvColumn.Mandatory("name");
    public static readonly CsvColumn Popularity = CsvColumn.Mandatory("popularity");
    public static readonly CsvColumn Followers = CsvColumn.Optional("followers");
    public static readonly CsvColumn Genres = CsvColumn.Optional("genres");

    public static readonly CsvSchema Schema = new("artists", [Id, Name, Popularity, Followers, Genres]);

    /// <summary>An artist without id, name or popularity can be neither joined nor written, so it is a row issue.</summary>
    public static CatalogArtist Parse(CsvRow row)
    {
        var followers = row.OptionalLong(Followers);
        if (followers < 0)
        {
            throw new RowParseException(Followers.Name, $"{Followers.Name} {followers} is negative");
        }

        return new CatalogArtist(
            row.RequiredText(Id),
            row.RequiredText(Name),
            followers,
            row.List(Genres),
            row.RequiredInt(Popularity));
    }
}
