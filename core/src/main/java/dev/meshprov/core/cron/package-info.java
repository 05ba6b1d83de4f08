/**
 * The one cron reading of the project: {@link dev.meshprov.core.cron.CronReader} reads an expression in a {@link
 * dev.meshprov.core.cron.CronDialect} (Quartz for Airbyte, POSIX crontab for CDE, Airflow's cron and presets for
 * MWAA) with cron-utils, the library Airbyte's own server validates schedules with, and says precisely which field
 * is wrong when it is not one (docs/adr/0008). Technology-specific rules on top of a reading (Airbyte's UTC-only and
 * frequency limits) live in the technology's package.
 */
package dev.meshprov.core.cron;
