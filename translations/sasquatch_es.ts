<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>BucketBrowser</name>
    <message>
        <source>Buckets</source>
        <translation>Buckets</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nuevo…</translation>
    </message>
    <message>
        <source>Create a database / retention policy (1.x) or a bucket (2.x)</source>
        <translation>Crear una base de datos / política de retención (1.x) o un bucket (2.x)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Show InfluxDB&apos;s own databases and buckets (_internal, _monitoring, _tasks)</source>
        <translation>Mostrar las bases de datos y buckets propios de InfluxDB (_internal, _monitoring, _tasks)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retención</translation>
    </message>
    <message>
        <source>Shard group</source>
        <translation>Grupo de shards</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (predeterminada)</translation>
    </message>
    <message>
        <source>%1 — replication %2</source>
        <translation>%1 — replicación %2</translation>
    </message>
</context>
<context>
    <name>CatalogService</name>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Listing buckets</source>
        <translation>Listando buckets</translation>
    </message>
    <message>
        <source>Listing topics of %1</source>
        <translation>Listando tópicos de %1</translation>
    </message>
    <message>
        <source>Listing fields of %1</source>
        <translation>Listando campos de %1</translation>
    </message>
    <message>
        <source>No connection profile is selected.</source>
        <translation>No hay un perfil de conexión seleccionado.</translation>
    </message>
    <message>
        <source>Creating a bucket</source>
        <translation>Creando un bucket</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>Secrets are kept in %1.</source>
        <translation>Los secretos se guardan en %1.</translation>
    </message>
    <message>
        <source>Could not read the secret of &quot;%1&quot;: %2</source>
        <translation>No se pudo leer el secreto de «%1»: %2</translation>
    </message>
</context>
<context>
    <name>CreateBucketDialog</name>
    <message>
        <source>Create bucket</source>
        <translation>Crear bucket</translation>
    </message>
    <message>
        <source>Create database / retention policy</source>
        <translation>Crear base de datos / política de retención</translation>
    </message>
    <message>
        <source>empty or INF = keep forever; e.g. 30d, 168h, 1w</source>
        <translation>vacío o INF = conservar siempre; p. ej. 30d, 168h, 1w</translation>
    </message>
    <message>
        <source>empty = server default; e.g. 1d</source>
        <translation>vacío = valor del servidor; p. ej. 1d</translation>
    </message>
    <message>
        <source>Bucket name</source>
        <translation>Nombre del bucket</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retención</translation>
    </message>
    <message>
        <source>Shard group duration</source>
        <translation>Duración del grupo de shards</translation>
    </message>
    <message>
        <source>new or existing database</source>
        <translation>base de datos nueva o existente</translation>
    </message>
    <message>
        <source>empty = only the database (with autogen)</source>
        <translation>vacío = solo la base de datos (con autogen)</translation>
    </message>
    <message>
        <source>Make it the database&apos;s default policy</source>
        <translation>Hacerla la política predeterminada de la base de datos</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Retention policy</source>
        <translation>Política de retención</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>The retention is not a duration (try 30d, 168h or INF).</source>
        <translation>La retención no es una duración (pruebe 30d, 168h o INF).</translation>
    </message>
    <message>
        <source>The shard group duration is not a duration (try 1d).</source>
        <translation>La duración del grupo de shards no es una duración (pruebe 1d).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sasquatch Browser</source>
        <translation>Navegador Sasquatch</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source> Profile </source>
        <translation> Perfil </translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Perfil de conexión</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <source>Connect again (F5)</source>
        <translation>Conectar de nuevo (F5)</translation>
    </message>
    <message>
        <source>Profiles…</source>
        <translation>Perfiles…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Connection &amp;profiles…</source>
        <translation>&amp;Perfiles de conexión…</translation>
    </message>
    <message>
        <source>&amp;Create bucket…</source>
        <translation>&amp;Crear bucket…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Find topic</source>
        <translation>&amp;Buscar tópico</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Sasquatch Browser</source>
        <translation>&amp;Acerca del Navegador Sasquatch</translation>
    </message>
    <message>
        <source>About Sasquatch Browser</source>
        <translation>Acerca del Navegador Sasquatch</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sasquatch Browser %1&lt;/b&gt;&lt;p&gt;Browse, query, plot and tail Rubin Observatory telemetry in Sasquatch (InfluxDB 1.x/2.x, Kafka, Schema Registry).&lt;/p&gt;</source>
        <translation>&lt;b&gt;Navegador Sasquatch %1&lt;/b&gt;&lt;p&gt;Explore, consulte, grafique y siga en vivo la telemetría del Observatorio Rubin en Sasquatch (InfluxDB 1.x/2.x, Kafka, Schema Registry).&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln topic(s)</source>
        <translation><numerusform>%1: %Ln tópico</numerusform><numerusform>%1: %Ln tópicos</numerusform></translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>Se creó %1.</translation>
    </message>
    <message numerus="yes">
        <source>⟳ %Ln request(s)</source>
        <translation><numerusform>⟳ %Ln solicitud</numerusform><numerusform>⟳ %Ln solicitudes</numerusform></translation>
    </message>
    <message>
        <source>Connect to a server first.</source>
        <translation>Primero conéctese a un servidor.</translation>
    </message>
    <message>
        <source>● InfluxDB %1 · %2 · %3</source>
        <translation>● InfluxDB %1 · %2 · %3</translation>
    </message>
    <message>
        <source>(unknown version)</source>
        <translation>(versión desconocida)</translation>
    </message>
    <message>
        <source>Flux / 2.x API</source>
        <translation>Flux / API 2.x</translation>
    </message>
    <message>
        <source>InfluxQL / 1.x API</source>
        <translation>InfluxQL / API 1.x</translation>
    </message>
    <message>
        <source>Loading the topics of %1…</source>
        <translation>Cargando los tópicos de %1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 falló: %2</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>● Not connected</source>
        <translation>● Sin conexión</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Connection profiles</source>
        <translation>Perfiles de conexión</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>From template: %1</source>
        <translation>Desde plantilla: %1</translation>
    </message>
    <message>
        <source>Empty profile</source>
        <translation>Perfil vacío</translation>
    </message>
    <message>
        <source>new profile</source>
        <translation>perfil nuevo</translation>
    </message>
    <message>
        <source>Import EFDAUTH…</source>
        <translation>Importar EFDAUTH…</translation>
    </message>
    <message>
        <source>Import lsst-efd-client credentials ({label: {url, database, username, password, schema_registry}})</source>
        <translation>Importar credenciales de lsst-efd-client ({label: {url, database, username, password, schema_registry}})</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>InfluxDB</source>
        <translation>InfluxDB</translation>
    </message>
    <message>
        <source>e.g. summit</source>
        <translation>p. ej. summit</translation>
    </message>
    <message>
        <source>Detect (from /ping)</source>
        <translation>Detectar (con /ping)</translation>
    </message>
    <message>
        <source>1.x — InfluxQL, databases</source>
        <translation>1.x — InfluxQL, bases de datos</translation>
    </message>
    <message>
        <source>2.x — Flux, buckets</source>
        <translation>2.x — Flux, buckets</translation>
    </message>
    <message>
        <source>organisation (2.x)</source>
        <translation>organización (2.x)</translation>
    </message>
    <message>
        <source>user (1.x)</source>
        <translation>usuario (1.x)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Verify TLS certificates</source>
        <translation>Verificar certificados TLS</translation>
    </message>
    <message>
        <source>system CA bundle</source>
        <translation>CA del sistema</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo CA</translation>
    </message>
    <message>
        <source>TLS verification off: only for servers you trust on a network you trust.</source>
        <translation>Verificación TLS desactivada: solo para servidores de confianza en una red de confianza.</translation>
    </message>
    <message>
        <source>Kafka (SASL SCRAM-SHA-512)</source>
        <translation>Kafka (SASL SCRAM-SHA-512)</translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation>Certificado CA (PEM)</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>Servidores bootstrap</translation>
    </message>
    <message>
        <source>HTTP services</source>
        <translation>Servicios HTTP</translation>
    </message>
    <message>
        <source>Strimzi Kafka bridge URL</source>
        <translation>URL del puente Kafka de Strimzi</translation>
    </message>
    <message>
        <source>Schema Registry</source>
        <translation>Schema Registry</translation>
    </message>
    <message>
        <source>REST proxy</source>
        <translation>Proxy REST</translation>
    </message>
    <message>
        <source>Kafka bridge</source>
        <translation>Puente Kafka</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>stored in %1 — type to replace</source>
        <translation>guardado en %1 — escriba para reemplazar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>Se guardó «%1».</translation>
    </message>
    <message>
        <source>New profile: edit it and press Save.</source>
        <translation>Perfil nuevo: edítelo y pulse Guardar.</translation>
    </message>
    <message>
        <source>Import lsst-efd-client credentials</source>
        <translation>Importar credenciales de lsst-efd-client</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Archivos JSON (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Imported the profiles of %1.</source>
        <translation>Se importaron los perfiles de %1.</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Eliminar perfil</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and its stored secrets?</source>
        <translation>¿Eliminar el perfil «%1» y sus secretos guardados?</translation>
    </message>
</context>
<context>
    <name>SecretStorageDialog</name>
    <message>
        <source>Where should passwords and tokens be kept?</source>
        <translation>¿Dónde guardar contraseñas y tokens?</translation>
    </message>
    <message>
        <source>&lt;b&gt;No system keyring is available.&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;Sasquatch Browser never writes secrets into its settings. Choose:</source>
        <translation>&lt;b&gt;No hay un llavero del sistema disponible.&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;El Navegador Sasquatch nunca escribe secretos en su configuración. Elija:</translation>
    </message>
    <message>
        <source>Keep them for this session only (ask again after a restart)</source>
        <translation>Guardarlos solo durante esta sesión (preguntar de nuevo al reiniciar)</translation>
    </message>
    <message>
        <source>Keep them in a file that only I can read (permissions 600):</source>
        <translation>Guardarlos en un archivo que solo yo puedo leer (permisos 600):</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Secrets file</source>
        <translation>Archivo de secretos</translation>
    </message>
</context>
<context>
    <name>TopicBrowser</name>
    <message>
        <source>Filter topics and fields — e.g. “m1m3 fad”, “zforce”</source>
        <translation>Filtrar tópicos y campos — p. ej. «m1m3 fad», «zforce»</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>Filtro de tópicos</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Tópicos</translation>
    </message>
    <message>
        <source>%1 topics</source>
        <translation>%1 tópicos</translation>
    </message>
    <message>
        <source> · %1 fields</source>
        <translation> · %1 campos</translation>
    </message>
    <message>
        <source> · %1 matches</source>
        <translation> · %1 coincidencias</translation>
    </message>
</context>
<context>
    <name>TopicDetailsPanel</name>
    <message>
        <source>Filter these fields</source>
        <translation>Filtrar estos campos</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Sasquatch Browser</source>
        <translation>Navegador Sasquatch</translation>
    </message>
    <message>
        <source>Choose a bucket, then find a topic: type a few letters of its CSC and name in the filter (“m1m3 fad” finds MTM1M3 forceActuatorData, “zforce” the zForce array). Ctrl+F jumps to the filter.</source>
        <translation>Elija un bucket y luego busque un tópico: escriba algunas letras de su CSC y nombre en el filtro («m1m3 fad» encuentra MTM1M3 forceActuatorData, «zforce» el arreglo zForce). Ctrl+F salta al filtro.</translation>
    </message>
    <message>
        <source>replica of %1</source>
        <translation>réplica de %1</translation>
    </message>
    <message>
        <source>Loading fields…</source>
        <translation>Cargando campos…</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation><numerusform>%n campo</numerusform><numerusform>%n campos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n entries with arrays collapsed</source>
        <translation><numerusform>, %n entrada con arreglos agrupados</numerusform><numerusform>, %n entradas con arreglos agrupados</numerusform></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
</context>
<context>
    <name>TopicTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Start on the embedded demo stack.</source>
        <translation>Iniciar con el entorno de demostración integrado.</translation>
    </message>
    <message>
        <source>Open this profile.</source>
        <translation>Abrir este perfil.</translation>
    </message>
    <message>
        <source>Demo stack ready at %1</source>
        <translation>Entorno de demostración listo en %1</translation>
    </message>
    <message>
        <source>Demo stack</source>
        <translation>Entorno de demostración</translation>
    </message>
</context>
<context>
    <name>sasquatch::Done</name>
    <message>
        <source>No connection profile is selected.</source>
        <translation>No hay un perfil de conexión seleccionado.</translation>
    </message>
</context>
</TS>
