using Wrapped.Core.Users;

namespace Wrapped.Core.Wrapped;

/// <summary>The words a card or page shows for a personality: one per letter, with what the letter means.</summary>
public static class PersonalityWords
{
    public sealed record Letter(char Code, string Word, string Meaning, string Dimension);

    /// <summary>The four letters of <paramref name="personality"/>, in code order.</summary>
    public static IReadOnlyList<Letter> Of(Personality personality) =>
    [
        personality.Familiar
            ? new Letter('F', "Familiarity", "You keep coming back to artists you already know.", "Familiarity or Exploration")
            : new Letter('E', "Exploration", "You keep finding artists you had never played.", "Familiarity or Exploration"),
        personality.Newness
            ? new Letter('N', "Newness", "You lean towards recent releases.", "Timelessness or Newness")
            : new Letter('T', "Timelessness", "You lean towards older releases.", "Timelessness or Newness"),
        personality.Loyal
            ? new Letter('L', "Loyalty", "You stay with a track or an artist, play after play.", "Loyalty or Variety")
            : new Letter('V', "Variety", "You move from one artist to the next.", "Loyalty or Variety"),
        personality.Common
            ? new Letter('C', "Commonality", "Given a choice, you play the more popular track.", "Commonality or Uniqueness")
            : new Letter('U', "Uniqueness", "Given a choice, you play the less popular track.", "Commonality or Uniqueness"),
    ];
}
