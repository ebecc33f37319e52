package org.yunxie.bot.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/** Every command by each word that calls it. Two commands claiming the same word stop the application at start. */
@Component
public class CommandRegistry {

    private final Map<String, Command> byWord;
    private final List<Command> commands;

    public CommandRegistry(List<Command> commands) {
        Map<String, Command> words = new LinkedHashMap<>();
        for (Command command : commands) {
            Stream.concat(Stream.of(command.name()), command.aliases().stream())
                    .map(word -> word.toLowerCase(Locale.ROOT))
                    .forEach(word -> {
                        Command earlier = words.putIfAbsent(word, command);
                        if (earlier != null) {
                            throw new IllegalStateException("command word '" + word + "' is claimed by both "
                                    + earlier.getClass().getSimpleName() + " and "
                                    + command.getClass().getSimpleName());
                        }
                    });
        }
        this.byWord = Collections.unmodifiableMap(words);
        this.commands = List.copyOf(commands);
    }

    public Optional<Command> find(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(byWord.get(word.toLowerCase(Locale.ROOT)));
    }

    public List<Command> all() {
        return commands;
    }

    public java.util.Set<String> words() {
        return byWord.keySet();
    }
}
