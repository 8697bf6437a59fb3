package dev.aispend.demo;

import java.util.List;

/** First names for the demo's people: emails are {@code <name>@example.com}, never a real person's address. */
final class Names {
    static final List<String> FIRST = List.of(
            "ada", "alan", "alice", "amara", "ana", "anders", "anika", "arjun", "ben", "bianca",
            "carl", "carol", "chen", "chloe", "dana", "daniel", "dave", "diego", "elena", "eli",
            "emma", "farah", "felix", "frank", "grace", "hana", "hugo", "ines", "ivan", "jack",
            "jamal", "jana", "joao", "julia", "kai", "kamala", "karin", "kenji", "lara", "lee",
            "lena", "leo", "lina", "luca", "maya", "mei", "mila", "moritz", "nadia", "nia",
            "nils", "noah", "nora", "olga", "omar", "oscar", "paula", "pedro", "priya", "quinn",
            "rafael", "rania", "ravi", "rosa", "sam", "sara", "sofia", "sven", "tara", "theo",
            "tomas", "uma", "valentin", "vera", "victor", "wanda", "wei", "xavier", "yara", "yusuf",
            "zara", "zeno", "agnes", "bruno", "clara", "dmitri", "esther", "fatima", "gustav", "helga",
            "ilse", "jonas", "kofi", "liam", "marta", "nikos", "olivia", "pablo", "rita", "stefan");

    private Names() {
    }

    /** The {@code index}-th name of the shuffled list; past its end, numbered ({@code ada.2}). */
    static String nth(List<String> shuffled, int index) {
        String name = shuffled.get(index % shuffled.size());
        int round = index / shuffled.size();
        return round == 0 ? name : name + "." + (round + 1);
    }
}
