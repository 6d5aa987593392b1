<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Saving the new annotation</source>
        <translation>Guardando la anotación nueva</translation>
    </message>
    <message>
        <source>Saving the annotation</source>
        <translation>Guardando la anotación</translation>
    </message>
    <message>
        <source>Deleting the annotation</source>
        <translation>Borrando la anotación</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rehacer: %1</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>same as start: a point</source>
        <translation>igual que el inicio: un punto</translation>
    </message>
    <message>
        <source>What happened? The first line is the summary.</source>
        <translation>¿Qué pasó? La primera línea es el resumen.</translation>
    </message>
    <message>
        <source>csc=MTM1M3, shift=night</source>
        <translation>csc=MTM1M3, shift=night</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Default colour</source>
        <translation>Color por omisión</translation>
    </message>
    <message>
        <source>Another colour…</source>
        <translation>Otro color…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Guardar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Annotation colour</source>
        <translation>Color de la anotación</translation>
    </message>
    <message>
        <source>New annotation (not saved yet)</source>
        <translation>Anotación nueva (aún sin guardar)</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Anotación</translation>
    </message>
    <message>
        <source>Unsaved changes: save or revert them first.</source>
        <translation>Cambios sin guardar: guárdelos o reviértalos primero.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Inicio: %1</translation>
    </message>
    <message>
        <source>End: %1</source>
        <translation>Fin: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>No se guardó. %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardada.</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <source>point</source>
        <translation>punto</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>Start (TAI)</source>
        <translation>Inicio (TAI)</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Inicio (UTC)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
</context>
<context>
    <name>AnnotationListPanel</name>
    <message>
        <source>Annotations are not available: %1</source>
        <translation>Las anotaciones no están disponibles: %1</translation>
    </message>
    <message>
        <source>Plotted range</source>
        <translation>Rango graficado</translation>
    </message>
    <message>
        <source>List the annotations of the time range the plots show</source>
        <translation>Listar las anotaciones del rango de tiempo que muestran los gráficos</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Ask the server again (annotations written elsewhere appear)</source>
        <translation>Consultar de nuevo al servidor (aparecen las anotaciones escritas en otro lugar)</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Filtrar texto</translation>
    </message>
    <message>
        <source>Tags: csc=MTM1M3</source>
        <translation>Etiquetas: csc=MTM1M3</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtros guardados</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>Guardar filtro…</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Olvidar</translation>
    </message>
    <message>
        <source>Forget the chosen saved filter</source>
        <translation>Olvidar el filtro guardado elegido</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ir a</translation>
    </message>
    <message>
        <source>Show this annotation&apos;s time in the plots (double click)</source>
        <translation>Mostrar el momento de esta anotación en los gráficos (doble clic)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Loading annotations…</source>
        <translation>Cargando anotaciones…</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>Carga cancelada.</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Guardar filtro</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>Nombre de este filtro:</translation>
    </message>
    <message>
        <source>Plot something to list its annotations, or untick &quot;Plotted range&quot;.</source>
        <translation>Grafique algo para listar sus anotaciones, o desmarque «Rango graficado».</translation>
    </message>
    <message>
        <source>Not connected: annotations load once a server is chosen.</source>
        <translation>Sin conexión: las anotaciones se cargan al elegir un servidor.</translation>
    </message>
    <message>
        <source>Could not load annotations: %1</source>
        <translation>No se pudieron cargar las anotaciones: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 anotación</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 anotaciones</translation>
    </message>
    <message>
        <source>%1 of %2 annotations</source>
        <translation>%1 de %2 anotaciones</translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation>Sin filtros guardados</translation>
    </message>
    <message>
        <source>Saved filters…</source>
        <translation>Filtros guardados…</translation>
    </message>
</context>
<context>
    <name>AnnotationOverlay</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
</context>
<context>
    <name>AnnotationUndoCommand</name>
    <message>
        <source>Add annotation &quot;%1&quot;</source>
        <translation>Agregar la anotación «%1»</translation>
    </message>
    <message>
        <source>Edit annotation &quot;%1&quot;</source>
        <translation>Editar la anotación «%1»</translation>
    </message>
    <message>
        <source>Delete annotation &quot;%1&quot;</source>
        <translation>Borrar la anotación «%1»</translation>
    </message>
</context>
<context>
    <name>AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation>Anotaciones</translation>
    </message>
</context>
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
    <name>CodeEditor</name>
    <message>
        <source>function</source>
        <translation>función</translation>
    </message>
    <message>
        <source>keyword</source>
        <translation>palabra clave</translation>
    </message>
    <message>
        <source>bucket</source>
        <translation>bucket</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base de datos</translation>
    </message>
    <message>
        <source>retention policy</source>
        <translation>política de retención</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>medición</translation>
    </message>
    <message>
        <source>field</source>
        <translation>campo</translation>
    </message>
    <message>
        <source>tag key</source>
        <translation>clave de etiqueta</translation>
    </message>
    <message>
        <source>tag value</source>
        <translation>valor de etiqueta</translation>
    </message>
    <message>
        <source>column</source>
        <translation>columna</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>parámetro</translation>
    </message>
    <message>
        <source>package</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>variable</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constante</translation>
    </message>
</context>
<context>
    <name>CompletionPopup</name>
    <message>
        <source>Adds import &quot;%1&quot;</source>
        <translation>Agrega import &quot;%1&quot;</translation>
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
    <name>DemoStack</name>
    <message>
        <source>Starting the demo InfluxDB server</source>
        <translation>Iniciando el servidor InfluxDB de demostración</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search queries — every word must match</source>
        <translation>Buscar consultas — deben coincidir todas las palabras</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>Query history</source>
        <translation>Historial de consultas</translation>
    </message>
    <message>
        <source>Saved queries</source>
        <translation>Consultas guardadas</translation>
    </message>
    <message>
        <source>Save current…</source>
        <translation>Guardar la actual…</translation>
    </message>
    <message>
        <source>Save the current tab&apos;s query under a name</source>
        <translation>Guardar la consulta de la pestaña actual con un nombre</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardadas</translation>
    </message>
    <message>
        <source>There is no query to save.</source>
        <translation>No hay consulta que guardar.</translation>
    </message>
    <message>
        <source>Save query</source>
        <translation>Guardar consulta</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>A saved query is called “%1”. Replace it?</source>
        <translation>Ya existe una consulta guardada llamada «%1». ¿Reemplazarla?</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Se guardó «%1».</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>cancelled after 1 row</source>
        <translation>cancelada tras 1 fila</translation>
    </message>
    <message>
        <source>cancelled after %1 rows</source>
        <translation>cancelada tras %1 filas</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 fila</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 filas</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Nada coincide con «%1».</translation>
    </message>
    <message>
        <source>Queries you run appear here, newest first.</source>
        <translation>Las consultas ejecutadas aparecen aquí, las más recientes primero.</translation>
    </message>
    <message>
        <source>No saved queries yet. “Save current…” keeps the current tab&apos;s query under a name.</source>
        <translation>Aún no hay consultas guardadas. «Guardar la actual…» guarda la consulta de la pestaña actual con un nombre.</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Historial (%1)</translation>
    </message>
    <message>
        <source>Saved (%1)</source>
        <translation>Guardadas (%1)</translation>
    </message>
    <message>
        <source>The query history could not be saved: %1</source>
        <translation>No se pudo guardar el historial de consultas: %1</translation>
    </message>
    <message>
        <source>Open in current tab</source>
        <translation>Abrir en la pestaña actual</translation>
    </message>
    <message>
        <source>Open in new tab</source>
        <translation>Abrir en una pestaña nueva</translation>
    </message>
    <message>
        <source>Copy query</source>
        <translation>Copiar consulta</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Remove from history</source>
        <translation>Quitar del historial</translation>
    </message>
    <message>
        <source>Rename saved query</source>
        <translation>Renombrar consulta guardada</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Delete saved query</source>
        <translation>Eliminar consulta guardada</translation>
    </message>
    <message>
        <source>Delete the saved query “%1”?</source>
        <translation>¿Eliminar la consulta guardada «%1»?</translation>
    </message>
</context>
<context>
    <name>LiveArrayView</name>
    <message>
        <source>Array view: drop array elements (e.g. zForce0 … zForce155) on the live panel</source>
        <translation>Vista de arreglo: suelte elementos de un arreglo (p. ej. zForce0 … zForce155) en el panel en vivo</translation>
    </message>
    <message>
        <source>seconds before the newest sample</source>
        <translation>segundos antes de la muestra más reciente</translation>
    </message>
    <message>
        <source>element index</source>
        <translation>índice del elemento</translation>
    </message>
    <message>
        <source>%1 %2[%3], %4: index × time and the newest vector</source>
        <translation>%1 %2[%3], %4: índice × tiempo y el vector más reciente</translation>
    </message>
    <message>
        <source>no unit</source>
        <translation>sin unidad</translation>
    </message>
</context>
<context>
    <name>LiveCatalogBinding</name>
    <message>
        <source>Units of %1 are unknown: %2</source>
        <translation>Las unidades de %1 son desconocidas: %2</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Backfill the window from InfluxDB, then tail Kafka</source>
        <translation>Cargar la ventana desde InfluxDB y luego seguir Kafka</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Freeze the view; data keeps arriving</source>
        <translation>Congelar la vista; los datos siguen llegando</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source> Window </source>
        <translation> Ventana </translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>History loaded at start and kept while live (ring buffer)</source>
        <translation>Historial cargado al iniciar y conservado en vivo (búfer circular)</translation>
    </message>
    <message>
        <source> Array </source>
        <translation> Arreglo </translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Remove every live field</source>
        <translation>Quitar todos los campos en vivo</translation>
    </message>
    <message>
        <source>Kafka: %1 %2</source>
        <translation>Kafka: %1 %2</translation>
    </message>
    <message>
        <source>Drop topics or fields from the topic tree on the live panel first.</source>
        <translation>Primero suelte tópicos o campos del árbol de tópicos en el panel en vivo.</translation>
    </message>
    <message>
        <source>Live tail: %1</source>
        <translation>Seguimiento en vivo: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Drop fields from the topic tree here</source>
        <translation>Suelte aquí campos del árbol de tópicos</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Live · Kafka %1</source>
        <translation>En vivo · Kafka %1</translation>
    </message>
    <message>
        <source>Paused · data keeps arriving</source>
        <translation>En pausa · los datos siguen llegando</translation>
    </message>
</context>
<context>
    <name>LiveSeamMarker</name>
    <message>
        <source>history</source>
        <translation>historial</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en vivo</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>History of %1: %2</source>
        <translation>Historial de %1: %2</translation>
    </message>
    <message>
        <source>Nothing to tail: drop topics or fields on the live panel first.</source>
        <translation>Nada que seguir: primero suelte tópicos o campos en el panel en vivo.</translation>
    </message>
    <message>
        <source>Live data of %1: %2</source>
        <translation>Datos en vivo de %1: %2</translation>
    </message>
</context>
<context>
    <name>LiveStatusTable</name>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Mensajes/s</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Retraso</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Último mensaje</translation>
    </message>
    <message>
        <source>Decode errors</source>
        <translation>Errores de decodificación</translation>
    </message>
    <message>
        <source>History rows</source>
        <translation>Filas de historial</translation>
    </message>
    <message>
        <source>Seam (overlap / dup / late)</source>
        <translation>Unión (solape / dup. / tardías)</translation>
    </message>
    <message>
        <source>waiting for history</source>
        <translation>esperando el historial</translation>
    </message>
    <message>
        <source>loading history</source>
        <translation>cargando el historial</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en vivo</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>hace %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <source>live (history failed)</source>
        <translation>en vivo (falló el historial)</translation>
    </message>
    <message>
        <source>%1 + %2 gap</source>
        <translation>%1 + %2 del hueco</translation>
    </message>
    <message>
        <source>Live rows InfluxDB&apos;s history already had (overlap, drawn once), rows repeating a time (duplicates, drawn once), and rows that came after newer ones (late, put in their place)</source>
        <translation>Filas en vivo que el historial de InfluxDB ya tenía (solapamiento, dibujadas una vez), filas que repiten un tiempo (duplicadas, dibujadas una vez) y filas que llegaron después de otras más nuevas (tardías, puestas en su lugar)</translation>
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
        <translation>
            <numerusform>%1: %Ln tópico</numerusform>
            <numerusform>%1: %Ln tópicos</numerusform>
        </translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>Se creó %1.</translation>
    </message>
    <message numerus="yes">
        <source>⟳ %Ln request(s)</source>
        <translation>
            <numerusform>⟳ %Ln solicitud</numerusform>
            <numerusform>⟳ %Ln solicitudes</numerusform>
        </translation>
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
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Consulta</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Gráficas</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>&amp;Upload metrics…</source>
        <translation>&amp;Subir métricas…</translation>
    </message>
    <message>
        <source>&amp;Plot</source>
        <translation>&amp;Gráfico</translation>
    </message>
</context>
<context>
    <name>PlotDataLoader</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PlotExporter</name>
    <message>
        <source>There is nothing to export: add a panel first.</source>
        <translation>No hay nada que exportar: añada primero un panel.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>Time (TAI)</source>
        <translation>Tiempo (TAI)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tiempo (UTC)</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Restablecer la vista</translation>
    </message>
    <message>
        <source>Auto-scale value axes</source>
        <translation>Escalar automáticamente los ejes de valores</translation>
    </message>
    <message>
        <source>Hide legend</source>
        <translation>Ocultar la leyenda</translation>
    </message>
    <message>
        <source>Show legend</source>
        <translation>Mostrar la leyenda</translation>
    </message>
    <message>
        <source>Remove panel</source>
        <translation>Quitar el panel</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Color…</translation>
    </message>
    <message>
        <source>Series colour</source>
        <translation>Color de la serie</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Estilo</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>Continua</translation>
    </message>
    <message>
        <source>Dashed</source>
        <translation>Discontinua</translation>
    </message>
    <message>
        <source>Dotted</source>
        <translation>Punteada</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Escalones</translation>
    </message>
    <message>
        <source>Value axis</source>
        <translation>Eje de valores</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New axis</source>
        <translation>Eje nuevo</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Follow the data</source>
        <translation>Seguir los datos</translation>
    </message>
    <message>
        <source>Label…</source>
        <translation>Etiqueta…</translation>
    </message>
    <message>
        <source>Axis label</source>
        <translation>Etiqueta del eje</translation>
    </message>
    <message>
        <source>Label (empty: the unit):</source>
        <translation>Etiqueta (vacía: la unidad):</translation>
    </message>
    <message>
        <source>Move to the other side</source>
        <translation>Pasar al otro lado</translation>
    </message>
</context>
<context>
    <name>PlotReadoutTable</name>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Cursor</source>
        <translation>Cursor</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Muestras</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Mín</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Desv. típ.</translation>
    </message>
    <message>
        <source>Peak-to-peak</source>
        <translation>Pico a pico</translation>
    </message>
    <message>
        <source>Valid samples in the visible range</source>
        <translation>Muestras válidas en el intervalo visible</translation>
    </message>
    <message>
        <source>Population standard deviation of the visible range</source>
        <translation>Desviación típica poblacional del intervalo visible</translation>
    </message>
    <message>
        <source>Cursor %1</source>
        <translation>Cursor %1</translation>
    </message>
    <message>
        <source>Cursor –</source>
        <translation>Cursor –</translation>
    </message>
    <message>
        <source>&lt;b&gt;Δt = %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Δt = %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Visible %1 (%2)</source>
        <translation>Visible %1 (%2)</translation>
    </message>
</context>
<context>
    <name>PlotWorkspace</name>
    <message>
        <source>Drop fields from the topic tree here for a new panel</source>
        <translation>Suelte aquí campos del árbol de tópicos para un panel nuevo</translation>
    </message>
    <message>
        <source>Wheel: zoom time · Ctrl+wheel: zoom a value axis · Shift+wheel or drag: pan · Ctrl+drag: zoom to a box · right click: menus</source>
        <translation>Rueda: zoom en el tiempo · Ctrl+rueda: zoom en un eje de valores · Mayús+rueda o arrastrar: desplazar · Ctrl+arrastrar: zoom a un recuadro · clic derecho: menús</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Previous view (Alt+Left)</source>
        <translation>Vista anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Next view (Alt+Right)</source>
        <translation>Vista siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Show all loaded data and let the value axes follow it</source>
        <translation>Mostrar todos los datos cargados y que los ejes de valores los sigan</translation>
    </message>
    <message>
        <source> Time </source>
        <translation> Tiempo </translation>
    </message>
    <message>
        <source>Time axis in UTC or TAI (TAI = UTC + 37 s)</source>
        <translation>Eje de tiempo en UTC o TAI (TAI = UTC + 37 s)</translation>
    </message>
    <message>
        <source> Readout </source>
        <translation> Lectura </translation>
    </message>
    <message>
        <source>Nearest value</source>
        <translation>Valor más cercano</translation>
    </message>
    <message>
        <source>Previous value</source>
        <translation>Valor anterior</translation>
    </message>
    <message>
        <source>Which sample the cursors read: the nearest in time or the last one before</source>
        <translation>Qué muestra leen los cursores: la más cercana en el tiempo o la última anterior</translation>
    </message>
    <message>
        <source>A/B cursors</source>
        <translation>Cursores A/B</translation>
    </message>
    <message>
        <source>Two cursors with Δt and Δvalue per series; drag them to move (Ctrl+Shift+C)</source>
        <translation>Dos cursores con Δt y Δvalor por serie; arrástrelos para moverlos (Ctrl+Mayús+C)</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>Exportar imagen…</translation>
    </message>
    <message>
        <source>Save the panels as PNG or PDF</source>
        <translation>Guardar los paneles como PNG o PDF</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Save the visible samples of every series as CSV</source>
        <translation>Guardar como CSV las muestras visibles de cada serie</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copiar imagen</translation>
    </message>
    <message>
        <source>⟳ loading…</source>
        <translation>⟳ cargando…</translation>
    </message>
    <message>
        <source>Querying the data for the view</source>
        <translation>Consultando los datos de la vista</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing to plot in these results: %1</source>
        <translation>Nada que graficar en estos resultados: %1</translation>
    </message>
    <message>
        <source>no rows</source>
        <translation>no hay filas</translation>
    </message>
    <message numerus="yes">
        <source>%n series plotted.</source>
        <translation>
            <numerusform>%n serie graficada.</numerusform>
            <numerusform>%n series graficadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series plotted; %1</source>
        <translation>
            <numerusform>%n serie graficada; %1</numerusform>
            <numerusform>%n series graficadas; %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export plot image</source>
        <translation>Exportar la imagen del gráfico</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <source>Plot image copied.</source>
        <translation>Imagen del gráfico copiada.</translation>
    </message>
    <message>
        <source>Export visible data</source>
        <translation>Exportar los datos visibles</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>New panel</source>
        <translation>Panel nuevo</translation>
    </message>
    <message>
        <source>Time in TAI</source>
        <translation>Tiempo en TAI</translation>
    </message>
    <message>
        <source>Remove all panels</source>
        <translation>Quitar todos los paneles</translation>
    </message>
</context>
<context>
    <name>PlotWorkspaceFiles</name>
    <message>
        <source>Plot workspaces (*.sqws);;All files (*)</source>
        <translation>Espacios de gráficos (*.sqws);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Abrir espacio de gráficos…</translation>
    </message>
    <message>
        <source>Open plot workspace</source>
        <translation>Abrir espacio de gráficos</translation>
    </message>
    <message>
        <source>Open &amp;recent workspace</source>
        <translation>Abrir espacio &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Save workspace</source>
        <translation>&amp;Guardar espacio de gráficos</translation>
    </message>
    <message>
        <source>Save plot workspace</source>
        <translation>Guardar espacio de gráficos</translation>
    </message>
    <message>
        <source>Save workspace &amp;as…</source>
        <translation>Guardar espacio &amp;como…</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Abierto %1.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
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
    <name>QObject</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Exportación cancelada; no se escribió %1.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Falló la escritura de %1: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>all fields</source>
        <translation>todos los campos</translation>
    </message>
</context>
<context>
    <name>QueryBuilderPanel</name>
    <message>
        <source>Query builder</source>
        <translation>Constructor de consultas</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lenguaje</translation>
    </message>
    <message>
        <source>Aggregated</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Crudo</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>One value per time window, the window sized to the view</source>
        <translation>Un valor por ventana de tiempo, ventana ajustada a la vista</translation>
    </message>
    <message>
        <source>Every point in the range (can be millions)</source>
        <translation>Todos los puntos del rango (pueden ser millones)</translation>
    </message>
    <message>
        <source>Aggregate function</source>
        <translation>Función de agregación</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>value, or 1, 2 for either</source>
        <translation>valor, o 1, 2 para cualquiera</translation>
    </message>
    <message>
        <source>Tag value</source>
        <translation>Valor de etiqueta</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Rango de tiempo</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Where tag</source>
        <translation>Donde la etiqueta</translation>
    </message>
    <message>
        <source>Generated query</source>
        <translation>Consulta generada</translation>
    </message>
    <message>
        <source>The query appears here as you choose.</source>
        <translation>La consulta aparece aquí mientras elige.</translation>
    </message>
    <message>
        <source>Open in new tab</source>
        <translation>Abrir en una pestaña nueva</translation>
    </message>
    <message>
        <source>Generate the query into a new query tab and run it</source>
        <translation>Generar la consulta en una pestaña nueva y ejecutarla</translation>
    </message>
    <message>
        <source>Replace current</source>
        <translation>Reemplazar la actual</translation>
    </message>
    <message>
        <source>Replace the current query tab&apos;s text with the generated query and run it</source>
        <translation>Reemplazar el texto de la pestaña actual por la consulta generada y ejecutarla</translation>
    </message>
    <message>
        <source>No topic selected</source>
        <translation>Ningún tópico seleccionado</translation>
    </message>
    <message>
        <source>Select a topic (all its fields) or fields in the topic tree; Ctrl+click adds more.</source>
        <translation>Seleccione un tópico (todos sus campos) o campos en el árbol de tópicos; Ctrl+clic agrega más.</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Todos los campos</translation>
    </message>
    <message>
        <source>No field selected: select fields of this topic, or the topic for all of them.</source>
        <translation>Ningún campo seleccionado: seleccione campos de este tópico, o el tópico para todos.</translation>
    </message>
    <message>
        <source>1 field: %1</source>
        <translation>1 campo: %1</translation>
    </message>
    <message>
        <source>%L1 fields: %2</source>
        <translation>%L1 campos: %2</translation>
    </message>
    <message>
        <source>Rows selected in other topics are left out: a query reads one topic.</source>
        <translation>Se omiten las filas seleccionadas en otros tópicos: una consulta lee un solo tópico.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Select a topic or some of its fields in the topic tree.</source>
        <translation>Seleccione un tópico o algunos de sus campos en el árbol de tópicos.</translation>
    </message>
    <message>
        <source>Select fields of %1, or the topic itself for all of its fields.</source>
        <translation>Seleccione campos de %1, o el tópico mismo para todos sus campos.</translation>
    </message>
    <message>
        <source>Choose a bucket first.</source>
        <translation>Primero elija un bucket.</translation>
    </message>
    <message>
        <source>Window %1: about one value per pixel across %L2 px of %3</source>
        <translation>Ventana %1: cerca de un valor por píxel en %L2 px de %3</translation>
    </message>
    <message>
        <source>Every point in the range</source>
        <translation>Todos los puntos del rango</translation>
    </message>
</context>
<context>
    <name>QueryPanel</name>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
    </message>
    <message>
        <source>Details of the topic selected in the tree</source>
        <translation>Detalles del tópico seleccionado en el árbol</translation>
    </message>
    <message>
        <source>&amp;New query tab</source>
        <translation>&amp;Nueva pestaña de consulta</translation>
    </message>
    <message>
        <source>&amp;Close query tab</source>
        <translation>&amp;Cerrar pestaña de consulta</translation>
    </message>
    <message>
        <source>New query tab (Ctrl+T)</source>
        <translation>Nueva pestaña de consulta (Ctrl+T)</translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation>Consulta %1</translation>
    </message>
</context>
<context>
    <name>QueryService</name>
    <message>
        <source>No connection profile is selected.</source>
        <translation>No hay un perfil de conexión seleccionado.</translation>
    </message>
</context>
<context>
    <name>QueryTab</name>
    <message>
        <source>Write Flux or InfluxQL here, or let the query builder write it.  Ctrl+Enter runs, Esc cancels, Ctrl+Space completes.</source>
        <translation>Escriba Flux o InfluxQL aquí, o deje que el constructor la escriba.  Ctrl+Enter ejecuta, Esc cancela, Ctrl+Espacio completa.</translation>
    </message>
    <message>
        <source>Exporting %1: %2 of %3 rows</source>
        <translation>Exportando %1: %2 de %3 filas</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
    <message>
        <source>Query status</source>
        <translation>Estado de la consulta</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar exportación</translation>
    </message>
    <message>
        <source>This query names its own time range. To follow the picker, write range(start: v.timeRangeStart, stop: v.timeRangeStop) and every: v.windowPeriod.</source>
        <translation>Esta consulta fija su propio rango de tiempo. Para seguir el selector, escriba range(start: v.timeRangeStart, stop: v.timeRangeStop) y every: v.windowPeriod.</translation>
    </message>
    <message>
        <source>This query names its own time range. To follow the picker, write WHERE time &gt;= :dashboardTime: AND time &lt; :upperDashboardTime: and GROUP BY time(:interval:).</source>
        <translation>Esta consulta fija su propio rango de tiempo. Para seguir el selector, escriba WHERE time &gt;= :dashboardTime: AND time &lt; :upperDashboardTime: y GROUP BY time(:interval:).</translation>
    </message>
    <message>
        <source>Ready: %1.</source>
        <translation>Listo: %1.</translation>
    </message>
    <message>
        <source>Nothing to run: write a query, or build one from the topic tree.</source>
        <translation>Nada que ejecutar: escriba una consulta o constrúyala desde el árbol de tópicos.</translation>
    </message>
    <message>
        <source>Not connected: choose a connection profile first.</source>
        <translation>Sin conexión: primero elija un perfil de conexión.</translation>
    </message>
    <message>
        <source>Wait for the CSV export to finish, or cancel it, before running again.</source>
        <translation>Espere a que termine la exportación CSV, o cancélela, antes de ejecutar de nuevo.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Ejecutando…</translation>
    </message>
    <message>
        <source>%1 received · %2 rows · %3</source>
        <translation>%1 recibidos · %2 filas · %3</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>row</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>table</source>
        <translation>tabla</translation>
    </message>
    <message>
        <source>tables</source>
        <translation>tablas</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Cancelled after %1 · %2 kept</source>
        <translation>Cancelada tras %1 · se conservan %2</translation>
    </message>
    <message>
        <source>%1 kept.</source>
        <translation>Se conservan %1.</translation>
    </message>
    <message>
        <source>  (marked in the editor)</source>
        <translation>  (marcado en el editor)</translation>
    </message>
    <message>
        <source>Nothing to export: run a query first.</source>
        <translation>Nada que exportar: primero ejecute una consulta.</translation>
    </message>
    <message>
        <source>Wait for the query to finish before exporting.</source>
        <translation>Espere a que termine la consulta antes de exportar.</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Ya hay una exportación en curso.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message>
        <source>Export results to CSV</source>
        <translation>Exportar resultados a CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>Se exportó %1 a %2</translation>
    </message>
    <message>
        <source>Nothing to plot: run a query first.</source>
        <translation>Nada que graficar: primero ejecute una consulta.</translation>
    </message>
</context>
<context>
    <name>QueryToolBar</name>
    <message>
        <source>Language: %1</source>
        <translation>Lenguaje: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>The database (and retention policy) InfluxQL reads when FROM does not name one</source>
        <translation>La base de datos (y política de retención) que InfluxQL lee cuando FROM no la nombra</translation>
    </message>
    <message>
        <source>Query progress</source>
        <translation>Progreso de la consulta</translation>
    </message>
    <message>
        <source>Run or cancel</source>
        <translation>Ejecutar o cancelar</translation>
    </message>
    <message>
        <source>■  Cancel</source>
        <translation>■  Cancelar</translation>
    </message>
    <message>
        <source>▶  Run</source>
        <translation>▶  Ejecutar</translation>
    </message>
    <message>
        <source>Stop the query (Esc)</source>
        <translation>Detener la consulta (Esc)</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation>Ejecutar la consulta (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>QueryWorkspace</name>
    <message>
        <source>Query builder</source>
        <translation>Constructor de consultas</translation>
    </message>
    <message>
        <source>Query history</source>
        <translation>Historial de consultas</translation>
    </message>
    <message>
        <source>Open a query tab to save its query.</source>
        <translation>Abra una pestaña de consulta para guardar su consulta.</translation>
    </message>
    <message>
        <source>Open a query tab first (Ctrl+T).</source>
        <translation>Primero abra una pestaña de consulta (Ctrl+T).</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>&amp;Save query as…</source>
        <translation>&amp;Guardar consulta como…</translation>
    </message>
    <message>
        <source>&amp;Export results to CSV…</source>
        <translation>&amp;Exportar resultados a CSV…</translation>
    </message>
    <message>
        <source>Send results to &amp;plot</source>
        <translation>Enviar resultados al &amp;gráfico</translation>
    </message>
    <message>
        <source>Show &amp;topic details</source>
        <translation>Mostrar detalles del &amp;tópico</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Query results</source>
        <translation>Resultados de la consulta</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy with &amp;headers</source>
        <translation>Copiar con &amp;encabezados</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Exportar a CSV…</translation>
    </message>
    <message>
        <source>Send to &amp;plot</source>
        <translation>Enviar al &amp;gráfico</translation>
    </message>
    <message>
        <source>The selection is too large to copy (over %L1 cells); export it to CSV instead.</source>
        <translation>La selección es demasiado grande para copiar (más de %L1 celdas); expórtela a CSV.</translation>
    </message>
    <message>
        <source>Copied 1 row.</source>
        <translation>Se copió 1 fila.</translation>
    </message>
    <message>
        <source>Copied %L1 rows.</source>
        <translation>Se copiaron %L1 filas.</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
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
    <name>TimeRangePicker</name>
    <message>
        <source>Time range of the query: a preset or an absolute start and stop in UTC or TAI</source>
        <translation>Rango de tiempo de la consulta: un preajuste o un inicio y fin absolutos en UTC o TAI</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Rango de tiempo</translation>
    </message>
    <message>
        <source>Relative to now</source>
        <translation>Relativo a ahora</translation>
    </message>
    <message>
        <source>The past %1, up to now</source>
        <translation>Las últimas %1, hasta ahora</translation>
    </message>
    <message>
        <source>Absolute</source>
        <translation>Absoluto</translation>
    </message>
    <message>
        <source>Times without a zone are UTC</source>
        <translation>Las horas sin zona son UTC</translation>
    </message>
    <message>
        <source>Times without a zone are TAI (UTC + 37 s)</source>
        <translation>Las horas sin zona son TAI (UTC + 37 s)</translation>
    </message>
    <message>
        <source>2026-11-23T03:12:00Z, 2026-11-23 03:12, or -2h</source>
        <translation>2026-11-23T03:12:00Z, 2026-11-23 03:12, o -2h</translation>
    </message>
    <message>
        <source>2026-11-23T04:12:00Z, or now</source>
        <translation>2026-11-23T04:12:00Z, o now</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Stop is exclusive. Enter applies.</source>
        <translation>El fin es exclusivo. Enter aplica.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
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
        <translation>
            <numerusform>%n campo</numerusform>
            <numerusform>%n campos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n entries with arrays collapsed</source>
        <translation>
            <numerusform>, %n entrada con arreglos agrupados</numerusform>
            <numerusform>, %n entradas con arreglos agrupados</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
</context>
<context>
    <name>TopicSchemaService</name>
    <message>
        <source>Schema of %1: %2</source>
        <translation>Esquema de %1: %2</translation>
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
    <name>UploadPreviewModel</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>held back</source>
        <translation>retenido</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>no válido</translation>
    </message>
</context>
<context>
    <name>UploadWindow</name>
    <message>
        <source>Upload metrics</source>
        <translation>Subir métricas</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Drop lsst.verify jobs, analysis_tools metric records, CSV or line-protocol files here.</source>
        <translation>Suelte aquí trabajos de lsst.verify, registros de métricas de analysis_tools, archivos CSV o de protocolo de línea.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Confluent REST proxy (Avro)</source>
        <translation>Proxy REST de Confluent (Avro)</translation>
    </message>
    <message>
        <source>Strimzi Kafka bridge (JSON)</source>
        <translation>Puente de Kafka de Strimzi (JSON)</translation>
    </message>
    <message>
        <source>Kafka brokers</source>
        <translation>Brokers de Kafka</translation>
    </message>
    <message>
        <source>InfluxDB (line protocol)</source>
        <translation>InfluxDB (protocolo de línea)</translation>
    </message>
    <message>
        <source>database[/retention policy] or bucket; empty: the profile&apos;s</source>
        <translation>base de datos[/política de retención] o bucket; vacío: el del perfil</translation>
    </message>
    <message>
        <source>&lt;namespace&gt;.&lt;name&gt; per record</source>
        <translation>&lt;espacio de nombres&gt;.&lt;nombre&gt; por registro</translation>
    </message>
    <message>
        <source>Send only the valid records (otherwise a file with an invalid record sends nothing)</source>
        <translation>Enviar solo los registros válidos (si no, un archivo con un registro no válido no envía nada)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>InfluxDB bucket</source>
        <translation>Bucket de InfluxDB</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espacio de nombres</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v de %m</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>Sin archivos.</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Simulación</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Guardar informe…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Leyendo %n archivo…</numerusform>
            <numerusform>Leyendo %n archivos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Metric files</source>
        <translation>Archivos de métricas</translation>
    </message>
    <message>
        <source>Metric files (*.json *.csv *.lp *.txt);;All files (*)</source>
        <translation>Archivos de métricas (*.json *.csv *.lp *.txt);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2, %n record(s)</source>
        <translation>
            <numerusform>%1 — %2, %n registro</numerusform>
            <numerusform>%1 — %2, %n registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n invalid</source>
        <translation>
            <numerusform>, %n no válido</numerusform>
            <numerusform>, %n no válidos</numerusform>
        </translation>
    </message>
    <message>
        <source> (unreadable)</source>
        <translation> (ilegible)</translation>
    </message>
    <message>
        <source>%1: note: %2</source>
        <translation>%1: nota: %2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problemas (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) ready to send.</source>
        <translation>
            <numerusform>%n registro listo para enviar.</numerusform>
            <numerusform>%n registros listos para enviar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>No se puede enviar: %1</translation>
    </message>
    <message>
        <source>%1 of %2 record(s) valid</source>
        <translation>%1 de %2 registros válidos</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Reintentar fallidos</translation>
    </message>
    <message>
        <source>Dry run: nothing is sent. Target: %1
</source>
        <translation>Simulación: no se envía nada. Destino: %1
</translation>
    </message>
    <message>
        <source>
… (%1 more bytes)
</source>
        <translation>
… (%1 bytes más)
</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>%1 acknowledged, %2 failed of %3</source>
        <translation>%1 confirmados, %2 fallidos de %3</translation>
    </message>
    <message>
        <source>Target: %1

</source>
        <translation>Destino: %1

</translation>
    </message>
    <message>
        <source>Every record was acknowledged.</source>
        <translation>Todos los registros fueron confirmados.</translation>
    </message>
    <message>
        <source>%1 record(s) not acknowledged: see the report; Retry failed sends exactly those.</source>
        <translation>%1 registros sin confirmar: vea el informe; «Reintentar fallidos» envía exactamente esos.</translation>
    </message>
    <message>
        <source>Save upload report</source>
        <translation>Guardar el informe de subida</translation>
    </message>
    <message>
        <source>JSON (*.json);;Text (*.txt)</source>
        <translation>JSON (*.json);;Texto (*.txt)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>No se puede guardar %1: %2</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Informe guardado en %1</translation>
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
    <message>
        <source>Start with TEXT in the topic filter.</source>
        <translation>Iniciar con TEXT en el filtro de tópicos.</translation>
    </message>
    <message>
        <source>Open a query tab with TEXT and run it once connected.</source>
        <translation>Abrir una pestaña de consulta con TEXT y ejecutarla al conectar.</translation>
    </message>
    <message>
        <source>Language of --query: flux or influxql (default: the server&apos;s, InfluxQL on 1.x).</source>
        <translation>Lenguaje de --query: flux o influxql (predeterminado: el del servidor, InfluxQL en 1.x).</translation>
    </message>
    <message>
        <source>Demo history ready: %L1 values in %2 s</source>
        <translation>Historial de demostración listo: %L1 valores en %2 s</translation>
    </message>
    <message>
        <source>Tail these fields live, with history before them: TOPIC:FIELD[,FIELD...][;TOPIC:...], NAME[N] for an array&apos;s N elements (with --demo: once its history is in).</source>
        <translation>Seguir estos campos en vivo, con su historial antes: TÓPICO:CAMPO[,CAMPO...][;TÓPICO:...], NOMBRE[N] para los N elementos de un arreglo (con --demo: cuando su historial esté cargado).</translation>
    </message>
    <message>
        <source>Open this plot workspace (.sqws) instead of the last one.</source>
        <translation>Abrir este espacio de gráficos (.sqws) en lugar del último.</translation>
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
