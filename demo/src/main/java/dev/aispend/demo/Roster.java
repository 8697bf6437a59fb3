package dev.aispend.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The organisation: ten teams, each with a cost center, a usage intensity and a client, and the people in them.
 * Usage is skewed twice: by team (a few teams use agents heavily) and, within a team, by a log-normal factor of
 * each person's own, clipped so that nobody's tokens per pull request stray past the anti-gaming rule's multiple of
 * their team's median. Two people game the leaderboard.
 */
final class Roster {
    /** name, cost center, intensity, share of the people (in hundredths), client. */
    private static final List<Object[]> TEAMS = List.of(
            new Object[] {"platform", "eng-100", 9.0, 13, Client.CLAUDE_CODE},
            new Object[] {"ml", "eng-200", 5.5, 10, Client.CLAUDE_CODE},
            new Object[] {"infra", "eng-100", 3.0, 10, Client.CLAUDE_CODE},
            new Object[] {"payments", "eng-300", 2.0, 11, Client.CLAUDE_CODE},
            new Object[] {"web", "eng-300", 1.2, 12, Client.CLAUDE_CODE},
            new Object[] {"mobile", "eng-300", 0.7, 10, Client.CLAUDE_CODE},
            new Object[] {"search", "eng-200", 0.5, 9, Client.CLAUDE_CODE},
            new Object[] {"data", "data-400", 0.5, 10, Client.GATEWAY},
            new Object[] {"growth", "biz-500", 0.25, 7, Client.CLAUDE_CODE},
            new Object[] {"support", "ops-600", 0.25, 8, Client.SUPPORT_ASSISTANT});
    static final String OVER_BUDGET_TEAM = "platform";
    static final String OUTCOME_TEAM = "payments";
    static final String OVERNIGHT_GAMER_TEAM = "ml";
    static final String INFLATION_GAMER_TEAM = "infra";
    private static final double SPREAD = 1.0;
    private static final double LOWEST = 0.2;
    private static final double HIGHEST = 5.0;
    /** Gamers climb a leaderboard: they use twice what their team's typical person does. */
    private static final double GAMER_FACTOR = 2.0;

    private Roster() {
    }

    static List<Team> teams() {
        List<Team> teams = new ArrayList<>();
        for (Object[] row : TEAMS) {
            teams.add(new Team((String) row[0], (String) row[1], (Double) row[2], "acme/" + row[0] + "-service"));
        }
        return List.copyOf(teams);
    }

    static List<Person> people(DemoSpec spec, List<Team> teams, Random random) {
        List<String> names = new ArrayList<>(Names.FIRST);
        Collections.shuffle(names, random);
        int[] sizes = sizes(spec.people());
        List<Person> people = new ArrayList<>();
        for (int t = 0; t < teams.size(); t++) {
            for (int i = 0; i < sizes[t]; i++) {
                String name = Names.nth(names, people.size());
                people.add(person(spec.seed(), name, teams.get(t), (Client) TEAMS.get(t)[4], i, random));
            }
        }
        return List.copyOf(people);
    }

    private static Person person(long seed, String name, Team team, Client teamClient, int index, Random random) {
        double own = Math.exp(SPREAD * random.nextGaussian());
        double factor = Math.max(LOWEST, Math.min(HIGHEST, own));
        Behaviour behaviour = behaviour(team, index);
        if (behaviour != Behaviour.NORMAL) {
            factor = GAMER_FACTOR;
        }
        Client client = teamClient == Client.GATEWAY && index % 2 == 1 ? Client.NOTEBOOK : teamClient;
        String email = name + "@example.com";
        return new Person(email, name.replace('.', '-') + "-acme", uuid(seed, "account", email).toString(),
                "u-" + name, "key_" + uuid(seed, "key", email).toString().substring(0, 12),
                team, client, behaviour, team.intensity() * factor,
                client == Client.CLAUDE_CODE && index % 6 == 1);
    }

    private static Behaviour behaviour(Team team, int index) {
        if (index == 2 && team.name().equals(OVERNIGHT_GAMER_TEAM)) {
            return Behaviour.OVERNIGHT_LOOP;
        }
        if (index == 2 && team.name().equals(INFLATION_GAMER_TEAM)) {
            return Behaviour.PROMPT_INFLATION;
        }
        return Behaviour.NORMAL;
    }

    /** Team sizes for {@code people}: the shares by largest remainder, at least three each. */
    static int[] sizes(int people) {
        int[] sizes = new int[TEAMS.size()];
        int given = 0;
        for (int t = 0; t < sizes.length; t++) {
            sizes[t] = Math.max(3, people * (Integer) TEAMS.get(t)[3] / 100);
            given += sizes[t];
        }
        for (int t = 0; given < people; t = (t + 1) % sizes.length) {
            sizes[t]++;
            given++;
        }
        return sizes;
    }

    static UUID uuid(long seed, String kind, String value) {
        return UUID.nameUUIDFromBytes((seed + ":" + kind + ":" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
