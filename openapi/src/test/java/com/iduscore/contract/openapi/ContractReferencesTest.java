package com.iduscore.contract.openapi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule a source file or document cites as {@code CONTRACT.md D5.3} (or a run such as {@code CONTRACT.md D4, D6})
 * is defined in {@code openapi/CONTRACT.md}, and nothing points at the contract sources outside the repository: a
 * reader who clones the repository can follow every reference.
 */
class ContractReferencesTest {

    private static final Pattern ID = Pattern.compile("[DO]\\d+(?:\\.\\d+)?");
    private static final Pattern CITATION = Pattern.compile(
            "CONTRACT\\.md`?\\s+((?:[DO]\\d+(?:\\.\\d+)?)(?:(?:, | and | or |/|–)[DO]\\d+(?:\\.\\d+)?)*)");
    private static final Pattern DEFINED = Pattern.compile("(?m)^## ([DO]\\d+)\\.|\\*\\*([DO]\\d+(?:\\.\\d+)?)[* ]");
    private static final Set<String> TEXT = Set.of("java", "md", "yaml", "yml", "sh", "html", "peb", "properties");

    private static Path root;
    private static Set<String> defined;

    @BeforeAll
    static void readTheRuleBook() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        root = module.getParent();
        String book = Files.readString(module.resolve("CONTRACT.md"), StandardCharsets.UTF_8);
        defined = new TreeSet<>();
        Matcher m = DEFINED.matcher(book);
        while (m.find()) {
            defined.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
    }

    @Test
    void the_rule_book_defines_sections_rules_and_open_choices() {
        assertThat(defined).as("ids defined in CONTRACT.md")
                .contains("D1", "D4", "D4.10", "D5.3", "D11.8", "D15", "O1", "O12");
    }

    @Test
    void every_cited_rule_is_defined_in_the_rule_book() throws IOException {
        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path file : sources()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = CITATION.matcher(text);
            while (m.find()) {
                Matcher id = ID.matcher(m.group(1));
                while (id.find()) {
                    citations++;
                    if (!defined.contains(id.group())) {
                        unresolved.add(root.relativize(file) + ": " + id.group());
                    }
                }
            }
        }
        assertThat(citations).as("citations of CONTRACT.md found in the repository").isGreaterThan(50);
        assertThat(unresolved).as("rules cited but not defined in openapi/CONTRACT.md").isEmpty();
    }

    @Test
    void nothing_cites_the_contract_sources_outside_the_repository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path file : sources()) {
            if (Files.readString(file, StandardCharsets.UTF_8).contains("decisions.md")
                    && !file.getFileName().toString().equals(getClass().getSimpleName() + ".java")) {
                outside.add(root.relativize(file).toString());
            }
        }
        assertThat(outside).as("files that cite decisions.md, which is not in the repository").isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith(".git/") && !rel.contains("/target/") && !rel.startsWith("target/")
                                && !rel.startsWith("reports/") && !rel.contains("node_modules/");
                    })
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        return dot > 0 && TEXT.contains(name.substring(dot + 1));
                    })
                    .toList();
        }
    }
}
