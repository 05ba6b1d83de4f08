-- Tasks: the whole task as JSON in body, plus the columns that are searched.
CREATE TABLE IF NOT EXISTS meshprov_task (
    token        VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind         VARCHAR(32)  NOT NULL,
    technology   VARCHAR(200) NOT NULL,
    component_id VARCHAR(1000) NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    owner        VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    body         TEXT         NOT NULL
);
CREATE INDEX IF NOT EXISTS meshprov_task_state_owner ON meshprov_task (state, owner);
CREATE INDEX IF NOT EXISTS meshprov_task_updated_at ON meshprov_task (updated_at);

-- The running meshprov instances and their last heartbeat.
CREATE TABLE IF NOT EXISTS meshprov_instance (
    instance_id  VARCHAR(200) NOT NULL PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
