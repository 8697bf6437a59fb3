package dev.aispend.demo;

/**
 * A team of the demo organisation.
 *
 * @param name       the team name, as the directory and the reports know it
 * @param costCenter its cost center
 * @param intensity  how heavily the team uses AI, a multiple of the organisation's typical person (usage clusters
 *                   by team: the heaviest users sit in the heaviest teams)
 * @param repository the GitHub repository its pull requests merge into
 */
public record Team(String name, String costCenter, double intensity, String repository) {
}
