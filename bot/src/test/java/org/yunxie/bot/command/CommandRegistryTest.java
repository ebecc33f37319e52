package org.yunxie.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class CommandRegistryTest {

    @Test
    void refusesTwoCommandsWithTheSameNameNamingBoth() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new CommandRegistry(List.of(new Helping("帮助"), new Rescuing("帮助"))))
                .withMessageContaining("'帮助'").withMessageContaining("Helping").withMessageContaining("Rescuing");
    }

    @Test
    void refusesAnAliasThatIsAnotherCommandsNameWhateverItsCase() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new CommandRegistry(List.of(new Helping("help"), new Rescuing("救命", "HELP"))))
                .withMessageContaining("'help'").withMessageContaining("Helping").withMessageContaining("Rescuing");
    }

    @Test
    void refusesTwoCommandsSharingAnAlias() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new CommandRegistry(List.of(new Helping("帮助", "?"), new Rescuing("救命", "?"))))
                .withMessageContaining("'?'").withMessageContaining("Helping").withMessageContaining("Rescuing");
    }

    @Test
    void findsACommandByNameOrAliasWhateverTheCase() {
        Helping helping = new Helping("帮助", "Help");
        CommandRegistry registry = new CommandRegistry(List.of(helping, new Rescuing("救命")));

        assertThat(registry.find("帮助")).containsSame(helping);
        assertThat(registry.find("HELP")).containsSame(helping);
        assertThat(registry.find("help")).containsSame(helping);
        assertThat(registry.find("同意")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
        assertThat(registry.words()).containsExactly("帮助", "help", "救命");
    }

    @Test
    void takesTheApplicationsOwnCommandsEachWordOnce() {
        CommandRegistry registry = RealCommands.registry();

        assertThat(registry.words()).contains("帮助", "help", "?", "列表", "投票", "确认", "结果", "我的", "绑定", "提议",
                "附议", "发起", "催办", "截止", "延期");
        assertThat(registry.words()).doesNotContain("同意", "反对", "弃权");
        assertThat(registry.all()).filteredOn(Command::staffOnly).extracting(Command::name)
                .containsExactlyInAnyOrder("发起", "催办", "截止", "延期");
    }

    @Test
    void givesEveryCommandAUsageLineInChineseAndEnglish() throws IOException {
        Properties chinese = load("messages.properties");
        Properties english = load("messages_en.properties");

        assertThat(RealCommands.commands()).isNotEmpty().allSatisfy(command -> {
            assertThat(chinese.getProperty(command.usageKey())).as(command.usageKey()).isNotBlank();
            assertThat(english.getProperty(command.usageKey())).as(command.usageKey()).isNotBlank();
        });
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** A command with the given name and aliases that does nothing. */
    private abstract static class Named implements Command {

        private final String name;
        private final List<String> aliases;

        Named(String name, String... aliases) {
            this.name = name;
            this.aliases = List.of(aliases);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> aliases() {
            return aliases;
        }

        @Override
        public String usageKey() {
            return "usage.help";
        }

        @Override
        public Reply run(Invocation invocation) {
            return new Reply(name);
        }
    }

    private static final class Helping extends Named {
        Helping(String name, String... aliases) {
            super(name, aliases);
        }
    }

    private static final class Rescuing extends Named {
        Rescuing(String name, String... aliases) {
            super(name, aliases);
        }
    }
}
