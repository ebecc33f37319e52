package org.yunxie.bot.command;

import java.lang.reflect.Constructor;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The application's own commands, without Spring: every {@code @Component} implementing {@link Command} in
 * this package, built with empty collaborators. Only their words are used (name and aliases), so the parser
 * tests read messages with exactly the command words the application registers, also after someone adds one.
 */
final class RealCommands {

    private RealCommands() {
    }

    static CommandRegistry registry() {
        return new CommandRegistry(commands());
    }

    static CommandParser parser() {
        return new CommandParser(registry().words());
    }

    static List<Command> commands() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        return scanner.findCandidateComponents(Command.class.getPackageName()).stream()
                .map(definition -> load(definition.getBeanClassName()))
                .filter(Command.class::isAssignableFrom)
                .sorted(Comparator.comparing(Class::getName))
                .map(RealCommands::withoutCollaborators)
                .toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Command withoutCollaborators(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            Object[] none = new Object[constructor.getParameterCount()];
            return (Command) constructor.newInstance(none);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " for its words", e);
        }
    }
}
