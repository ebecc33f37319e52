package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Quartz's JDBC job-store tables from the script that ships inside the Quartz jar,
 * so the schema always matches the Quartz version on the classpath: the H2 script for the
 * embedded database, the InnoDB script for MySQL and MariaDB.
 */
public class V2__Quartz_tables extends BaseJavaMigration {

    private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName();
        String script = product.toLowerCase().contains("h2") ? "tables_h2.sql" : "tables_mysql_innodb.sql";
        ScriptUtils.executeSqlScript(connection,
                new EncodedResource(new ClassPathResource(SCRIPTS + script), StandardCharsets.UTF_8),
                false, false, new String[] {"--", "#"}, ";",
                ScriptUtils.DEFAULT_BLOCK_COMMENT_START_DELIMITER, ScriptUtils.DEFAULT_BLOCK_COMMENT_END_DELIMITER);
    }
}
