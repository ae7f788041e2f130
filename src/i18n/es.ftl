### Las palabras de prepcheck en español: la guía de preguntas, la hoja, los recordatorios y
### los mensajes de walk, sheet, answers y forget. Los mismos identificadores que en.ftl.

## Siempre presente: la frase sobre los medicamentos.
medication-statement = Solo su médico puede cambiar sus medicinas. No deje de tomar ninguna medicina, no se salte ninguna dosis y no cambie cómo la toma, a menos que su médico o su equipo de salud se lo diga.

## Fechas y horas en palabras: "jueves, 10 de diciembre de 2026", "7:30 de la noche".
date-long = { $weekday }, { $day } de { $month } de { $year }
time-of-day = { $hour12 }:{ $minute } { $hour24 ->
        [0] de la noche
        [1] de la madrugada
        [2] de la madrugada
        [3] de la madrugada
        [4] de la madrugada
        [5] de la madrugada
        [12] del mediodía
        [13] de la tarde
        [14] de la tarde
        [15] de la tarde
        [16] de la tarde
        [17] de la tarde
        [18] de la tarde
        [19] de la noche
        [20] de la noche
        [21] de la noche
        [22] de la noche
        [23] de la noche
       *[other] de la mañana
    }
half-am = a. m.
half-pm = p. m.
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Cuánto falta para un día.
days-away =
    { $days ->
        [0] hoy
        [1] mañana
        [-1] ayer
       *[other] { $future ->
            [yes] en { $count } días
           *[no] hace { $count } días
        }
    }

## Listas: "a y b", "a, b y c".
list-two = { $first } y { $last }
list-more = { $rest } y { $last }

## Respuestas en palabras.
answer-yes = sí
answer-no = no
answer-none = ninguna
answer-read = leído
answer-not-known = todavía no lo sabe
answer-not-given = sin responder

## Qué es una medicina, después de su nombre en la hoja.
group-blood-thinner = una medicina para adelgazar la sangre
group-pain-reliever = una medicina para el dolor que puede hacerle sangrar más
group-other-pain-reliever = una medicina para el dolor
group-supplement = un suplemento o hierba
group-prescription-fish-oil = un aceite de pescado con receta médica
group-stomach-medicine = una medicina para el estómago que contiene salicilato
medicine-named = una medicina que usted escribió
medicine-about = { $name }, { $what }

## La hoja.
sheet-name = Nombre
sheet-procedure = Procedimiento
sheet-step = Paso
sheet-date = Fecha
sheet-arrive = Hora de llegada
sheet-made-on = Fecha de la hoja
sheet-when-date = { $date } ({ $away })
sheet-calls = Llame a su equipo de salud
# La llamada que pide una medicina para adelgazar la sangre: nombra las medicinas, nunca qué hacer con ellas.
sheet-call-blood-thinners = Llame pronto a su equipo de salud para hablar de { $count ->
        [one] su medicina para adelgazar la sangre
       *[other] sus medicinas para adelgazar la sangre
    }: { $medicines }.
sheet-call-questions = Llame a su equipo de salud con las preguntas de esta hoja.
sheet-calls-none = Todavía no tiene que llamar.
sheet-expect = Qué va a pasar
sheet-expect-none = Diga para qué paso se prepara, y aquí verá qué va a pasar.
sheet-todo = Lo que falta hacer
sheet-todo-none = No le falta nada.
sheet-questions = Preguntas para su equipo de salud
sheet-questions-more = Más preguntas para su equipo de salud
sheet-questions-blood-thinners = Preguntas sobre sus medicinas para adelgazar la sangre
sheet-questions-pain-medicines = Preguntas sobre sus medicinas para el dolor
sheet-questions-supplements = Preguntas sobre sus suplementos y otras medicinas
sheet-questions-other-medicines = Preguntas sobre sus medicinas
sheet-questions-none = Todavía no hay. Anote las que se le ocurran.
sheet-about = Sobre { $about }
sheet-ride = Volver a casa
sheet-bring = Qué llevar
sheet-bring-ask = Pregunte a su equipo de salud qué debe llevar, y anótelo aquí.
sheet-line-to-write-on = Una línea para escribir
sheet-care-team = Su equipo de salud
sheet-not-set = Todavía no está anotado.
sheet-answer-the-question = Responda: { $question }

## Recordatorios del calendario.
reminder-urgent = Llame a su equipo de salud
reminder-todo = Lo que falta hacer antes del procedimiento
reminder-questions = Llame a su equipo de salud con sus preguntas
reminder-ride = Volver a casa
reminder-ride-call = Llame a la persona con quien va a volver a casa para ponerse de acuerdo. Si se va a quedar a dormir, dígale qué día debe ir a buscarle.
reminder-bring = Prepare lo que tiene que llevar mañana
reminder-bring-written = Lo que anotó en "Qué llevar" en su hoja
reminder-arrive = Hora de llegada: { $time }.
reminder-tomorrow = Mañana: { $procedure }.
reminder-today = Hoy: { $procedure }.

## La guía de preguntas.
walk-welcome = prepcheck le hace { $questions }, una por una. Tarda unos { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }. Al final tiene una hoja para imprimir y llevar.
# Cuántas preguntas: "al menos" mientras las respuestas pueden añadir otras.
walk-questions = { $more ->
        [yes] { $questions ->
            [one] al menos 1 pregunta
           *[other] al menos { $questions } preguntas
        }
       *[no] { $questions ->
            [one] 1 pregunta
           *[other] { $questions } preguntas
        }
    }
walk-saved-in = Cada respuesta se guarda en seguida, en { $path }.
walk-how-to-stop = Para parar, oprima Ctrl-C. Para seguir después, escriba { $command }.
walk-saved-answers = Tiene respuestas guardadas en { $path }.
walk-what-now = ¿Qué quiere hacer?
walk-carry-on = Seguir donde paré
walk-see-sheet = Ver mi hoja
walk-change = Cambiar una respuesta
walk-start-over = Empezar de nuevo (sus respuestas de antes quedan en una copia)
walk-which-change = ¿Qué respuesta quiere cambiar?
walk-progress = Pregunta { $number } de { $more ->
        [yes] al menos { $total }
       *[no] { $total }
    }: { $section }
walk-dropped = Con esa respuesta, estas ya no cuentan, y se quitaron sus respuestas: { $questions }.
walk-could-not-save = No se pudo guardar su respuesta en { $path }: { $why }
walk-hint-name = Va en su hoja, para que la clínica sepa que es suya. Puede dejarlo en blanco.
walk-hint-phone = Escríbalo así: 555-123-4567, con ext 12 si tiene. Déjelo en blanco si todavía no lo sabe.
walk-hint-time = Escríbala así: 7:30, 8 de la mañana, 14:00 o mediodía. Déjela en blanco si todavía no la sabe.
walk-hint-text = Déjelo en blanco y oprima Enter si todavía no lo sabe.
walk-hint-date = Puede escribirla así: 10 de dic, mañana o el jueves. Déjela en blanco si todavía no la sabe.
walk-saved-as = Guardado: { $answer }.
walk-is-that-right = { $answer }. ¿Está bien?
walk-medicines-full = Esta lista guarda { $most } nombres como mucho. Déjelo en blanco y oprima Enter, y hable de las otras medicinas con su equipo de salud.
walk-all-done = Terminó. Sus respuestas:
walk-they-are-saved = Están guardadas en { $path }.
walk-too-long = Tiene más de { $limit } letras. Escríbalo más corto, por favor.
walk-which-day = ¿Qué { $weekday } quiere decir?
walk-which-time = ¿Es de la mañana o de la tarde?
# Una hora en palabras, para leerla: "7:30 de la mañana", "12:00 del mediodía".
time-in-words = { $time } { $part ->
        [small] de la madrugada
        [morning] de la mañana
        [noon] del mediodía
        [afternoon] de la tarde
        [evening] de la tarde
       *[night] de la noche
    }
walk-check-again = Con ese cambio, revise otra vez estas respuestas: { $questions }.
walk-none-of-these = ¿No toma ninguna de estas?
walk-you-take = Usted toma: { $medicines }. ¿Está bien?
walk-none-and-others = "Ninguna de estas" no puede ir con una medicina. Primero desmarque las medicinas, o deje sin marcar "Ninguna de estas".
walk-medicine-too-long = Ese nombre tiene más de { $limit } letras. Escríbalo más corto, por favor.
walk-changed = Esta lista de preguntas cambió desde que guardó sus respuestas. { $kept ->
        [one] 1 respuesta sigue sirviendo.
       *[other] { $kept } respuestas siguen sirviendo.
    }
walk-answer-again = Por favor, responda otra vez: { $questions }.
walk-gone = { $gone ->
        [one] 1 respuesta era de preguntas que ya no están.
       *[other] { $gone } respuestas eran de preguntas que ya no están.
    }
walk-came-back = { $count ->
        [one] 1 respuesta que no servía antes sirve otra vez, y volvió: { $questions }.
       *[other] { $count } respuestas que no servían antes sirven otra vez, y volvieron: { $questions }.
    }
walk-replaced = { $count ->
        [one] 1 respuesta apartada antes se cambió por una respuesta más nueva a su pregunta.
       *[other] { $count } respuestas apartadas antes se cambiaron por respuestas más nuevas a sus preguntas.
    }
walk-left-out = { $count ->
        [one] Para que su archivo no crezca demasiado, la respuesta apartada más vieja salió de él.
       *[other] Para que su archivo no crezca demasiado, las { $count } respuestas apartadas más viejas salieron de él.
    }
walk-kept-in = Sus respuestas como estaban quedan en { $path }.
walk-file-changed = Otro programa cambió { $path } mientras estas preguntas estaban abiertas. Esa versión queda en { $backup }. Sus respuestas de aquí en adelante se guardan como las dé.
walk-starting-over = Empezamos de nuevo. Sus respuestas de antes quedan en { $backup }. Las nuevas se guardan en { $path }.

## Las teclas, en la terminal.
keys-yes-no = Flechas arriba y abajo, o S y N: elegir. Enter: responder.
keys-one = Flechas arriba y abajo: moverse. Enter: elegir.
keys-several = Flechas arriba y abajo: moverse. Espacio: marcar o desmarcar. Enter: listo (sin marcar nada si no hay ninguna).
keys-medicines = Flechas arriba y abajo: moverse. Espacio: marcar o desmarcar. Para buscar o añadir una medicina, escriba su nombre. Enter: listo.
keys-medicines-typing = Flechas arriba y abajo: moverse. Enter: marcar la fila con >. Retroceso: cambiar el nombre. Esc: borrar el nombre.
keys-text = Escriba su respuesta y oprima Enter.
keys-read = Oprima Enter cuando lo haya leído.
keys-read-on = Enter o flecha abajo: seguir leyendo.
keys-back = Esc: volver.
choice-yes = Sí
choice-no = No
choice-go-on = Bien, seguir
choose-yes-no = Elija Sí o No y oprima Enter.
choose-one = Elija una con las flechas y oprima Enter.
row-none-of-these = Ninguna de estas
row-typed = { $name } (tal como lo escribió)
row-add-typed = Añadir "{ $name }" como otra medicina
row-add-typed-supplement = Añadir "{ $name }" como otro suplemento o hierba
row-add-known = Añadir { $medicine }
list-typed = Escribió: { $typed }
your-answer-now = Su respuesta ahora: { $answer }
sorry = Perdón: { $problem }
more-above = { $count ->
        [one] (1 línea más arriba)
       *[other] ({ $count } líneas más arriba)
    }
more-below = { $count ->
        [one] (1 línea más abajo)
       *[other] ({ $count } líneas más abajo)
    }

## Las teclas, en el modo para lector de pantalla.
lines-important = Importante: { $text }
lines-back = Escriba atrás para volver, o ayuda para oír esto otra vez.
lines-help = Escriba ayuda para oír esto otra vez.
lines-yes-no = Escriba sí o no y oprima Enter.
lines-one = Escriba el número de su respuesta y oprima Enter.
lines-several-none = Escriba los números de todas las que correspondan, con comas o espacios entre ellos, y oprima Enter. Si oprime solo Enter, quiere decir que no corresponde ninguna.
lines-several-keep = Escriba los números de todas las que correspondan, con comas o espacios entre ellos, y oprima Enter. Si oprime solo Enter, quedan las que ya están marcadas. Escriba ninguna si no corresponde ninguna.
lines-text = Escriba su respuesta y oprima Enter.
lines-text-keep = Escriba su respuesta y oprima Enter. Si oprime solo Enter, queda la respuesta que ya tenía.
lines-read = Oprima Enter para seguir.
lines-medicines = Escriba los números o los nombres de todas las que toma, con comas entre ellos, y oprima Enter. Escriba ninguna si no toma ninguna de estas.
lines-medicines-keep = Escriba los números o los nombres de todas las que toma, con comas entre ellos, y oprima Enter. Si oprime solo Enter, quedan las que ya están marcadas. Escriba ninguna si no toma ninguna de estas.
lines-not-readable = Perdón, no pude leer eso. Escríbalo otra vez, por favor.
lines-ticked = { $choice } (marcada)
lines-type-yes-no = Por favor, escriba sí o no.
lines-type-number = Escriba un número del 1 al { $count }.
lines-not-a-choice = "{ $word }" no es una de las respuestas. Escriba un número del 1 al { $count }.
lines-only-one = Aquí va una sola respuesta. Escriba un número del 1 al { $count }.
lines-not-a-medicine = "{ $word }" no es uno de los números. Escriba un número del 1 al { $count }, o el nombre de una medicina.
# Las palabras que se escriben en el modo para lector de pantalla.
words-yes = sí, si, s, claro
words-no = no, n
# Las teclas para sí y no en la terminal: la primera letra de cada una.
word-y = s
word-n = n
words-none = ninguna, ninguno, nada
word-back = atrás
word-help = ayuda

## Respuestas que no se pueden leer.
entry-no-date = Escriba una fecha, así: 10 de dic, 2026-12-10, mañana o el jueves.
entry-not-a-date = No pude leer "{ $typed }" como fecha. Escríbala así: 10 de dic, 2026-12-10, mañana o el jueves.
entry-past = El { $date } ya pasó. Escriba el día de su procedimiento, que todavía no llegó.
entry-not-a-time = No pude leer "{ $typed }" como hora. Escríbala así: 7:30, 8 de la mañana, 14:00 o mediodía.
entry-not-a-phone = "{ $typed }" no parece un número de teléfono. Escríbalo así: 555-123-4567, (555) 123-4567 ext 12 o +52 55 1234 5678.

## Mensajes de los comandos.
stopped = Paró. Sus respuestas están guardadas en { $path }. Escriba `{ $command }` para seguir.
closed = Se cerró la terminal o terminó la entrada. Sus respuestas están guardadas en { $path }. Escriba `{ $command }` para seguir.
stopped-nothing-saved = Paró. No respondió nada, así que no se guardó nada. Escriba `{ $command }` para empezar.
closed-nothing-saved = Se cerró la terminal o terminó la entrada. No respondió nada, así que no se guardó nada. Escriba `{ $command }` para empezar.
print-again = Para imprimir esta hoja otra vez: prepcheck sheet { $checklist } --answers { $path }
blank-sheet = Todavía no hay respuestas ({ $path } no existe): esta es la hoja en blanco. Escriba `prepcheck walk` para responder las preguntas.
no-such-answers = { $path }: no existe ese archivo. Revise el nombre, o quite --answers para usar las respuestas que guardó `prepcheck walk`.
set-aside = { $count ->
        [one] 1 de estas respuestas no sirve para la lista de preguntas de ahora. Se deja fuera, y queda en { $path } bajo set-aside.
       *[other] { $count } de estas respuestas no sirven para la lista de preguntas de ahora. Se dejan fuera, y quedan en { $path } bajo set-aside.
    }
answers-title = Sus respuestas para "{ $title }", guardadas en { $path }
answers-set-aside = Apartadas (no sirven para la lista de preguntas de ahora):
no-answers-yet = Todavía no hay respuestas guardadas ({ $path } no existe). Escriba `prepcheck walk` para responder las preguntas.
nothing-to-delete = No hay nada que borrar: no hay respuestas de "{ $checklist }" en { $path }.
would-delete = Se borrarían estos archivos:
delete-files = { $count ->
        [one] ¿Borrar 1 archivo? No se puede recuperar.
       *[other] ¿Borrar { $count } archivos? No se pueden recuperar.
    }
nothing-deleted = No se borró nada.
deleted = Se borró { $path }
forget-needs-yes = prepcheck forget pregunta antes de borrar, y no hay una terminal para preguntar. Se borrarían:
forget-run-yes = Escriba `{ $command }` para borrarlos.
sheet-open = La hoja está abierta en su navegador, desde { $path }. Imprímala desde ahí.
sheet-open-failed = La hoja está en { $path }, pero no se pudo abrir un navegador ({ $why }). Abra ese archivo en su navegador para imprimirla.

## Problemas que dicen los comandos.
cannot-write = { $path }: no se puede escribir: { $why }
cannot-back-up = { $path }: no se puede guardar una copia: { $why }
cannot-delete = { $path }: no se puede borrar: { $why }
cannot-watch-signals = No se puede atender Ctrl-C: { $why }
stdout-closed = La salida estándar está cerrada, así que no se pudo escribir nada. Escriba a un archivo con --output, o a una tubería.
stdout-failed = No se puede escribir en la salida estándar: { $why }
settings-tz = TZ={ $tz } no es una zona horaria que prepcheck conozca, y los recordatorios sonarían a la hora equivocada. Ponga en TZ un nombre como America/Mexico_City, o quítela para usar la del sistema.
settings-today = PREPCHECK_TODAY debe ser una fecha de { $first } a { $last }, como 2026-12-01, no '{ $text }'
settings-now = PREPCHECK_NOW debe ser una hora como 2026-12-01T09:00, en un día de { $first } a { $last }, no '{ $text }'
walk-needs-terminal = prepcheck walk hace preguntas, y necesita una terminal (esta no lo es).
walk-try-lines = Para escribir las respuestas como líneas, escriba: prepcheck walk --screen-reader
walk-try-sheet = Para imprimir la hoja con las respuestas guardadas, escriba:
file-not-changed = El archivo no cambió.
walk-file-not-changed = Su archivo no cambió. Para seguir, use --answers con otro archivo, o escriba `{ $command } --restart` (el archivo de antes queda como copia).
walk-name-a-file = No cambió nada. Para seguir, dé a --answers el nombre de un archivo, como --answers mis-respuestas.yaml.
answers-do-not-fit = Estas respuestas no sirven para la lista "{ $checklist }".
no-answers-file = { $path }: no existe ese archivo. Revise el nombre.
no-pdf = prepcheck no escribe archivos PDF. Para hacer uno, abra la hoja en su navegador e imprímala como PDF: prepcheck sheet --open
format-mismatch = --format { $format } no va con un archivo que termina en .{ $extension }; use un nombre que termine en { $extensions }
format-unknown = no se sabe el formato de un archivo que termina en .{ $extension }: llámelo .txt, .md, .html o .ics, o use --format text, plain, markdown, html o ics

## The FHIR export
fhir-none-of-these = Ninguna de estas

## Problems with an answers file and its folder.
path-part-is-file = una parte de esta ruta es un archivo, no una carpeta
path-is-folder-name = { $path }: este es el nombre de una carpeta (termina en /). Nombre un archivo dentro de ella, como { $path }respuestas.yaml.
io-not-found = no existe ese archivo o carpeta
io-permission-denied = usted no tiene permiso
io-disk-full = el disco está lleno
io-read-only = el disco solo se puede leer, no escribir
io-is-folder = es una carpeta, no un archivo
io-name-too-long = el nombre es demasiado largo
io-too-many-links = es un enlace que lleva a sí mismo
io-disk-error = no se pudo leer ni escribir el disco
output-holds-answers = { $path }: este archivo tiene respuestas, así que no se escribe nada encima. Elija otro nombre de archivo.
output-not-regular = { $path }: no es un archivo común (es una tubería, un dispositivo o una carpeta), así que no se escribe nada encima. Elija un nombre de archivo, o quite --output para escribir en la pantalla.
no-such-folder = { $folder }: no existe esa carpeta. Revise la ruta: prepcheck no crea carpetas para --output.
path-problem = { $path }: { $why }
file-cannot-read = { $path }: no se puede leer: { $why }
file-is-folder = { $path }: es una carpeta, no un archivo
file-not-regular = { $path }: no es un archivo común
file-too-large = { $path }: es demasiado grande ({ $size } bytes); lo más es { $most } bytes (1 MiB)
file-grew = { $path }: creció demasiado mientras se leía
answers-cannot-save-in = { $folder }: no se pueden guardar respuestas en esta carpeta: { $why }
answers-in-use = { $path } está abierto en otro prepcheck. Termine esas preguntas primero (o cierre su ventana), y vuelva a intentarlo.
answers-cannot-lock = { $path }: no se puede bloquear: { $why }

## Answers in a file that do not fit the checklist as it is now: each is set aside.
answer-unfit = pregunta '{ $item }': { $why }
answer-no-such-question = no hay esa pregunta en la versión { $version } de la lista
answer-twice = tiene dos respuestas en el archivo
answer-too-long = la respuesta tiene más de { $most } letras
answer-none-given = no tiene respuesta (~ es solo para texto, fechas, horas y teléfonos)
answer-no-such-choice = no hay una opción '{ $id }' (las opciones son: { $choices })
answer-not-yes-no = se esperaba yes o no, y dice '{ $found }'
answer-too-many-typed = tiene más de { $most } medicinas escritas
answer-name-too-long = el nombre de una medicina tiene más de { $most } letras
answer-not-in-list = '{ $id }' no está en la lista de medicinas '{ $list }'
answer-not-a-phone = se esperaba un número de teléfono, y dice '{ $found }'
answer-not-a-date = se esperaba una fecha como 2026-12-10, y dice '{ $found }'
answer-date-out-of-range = '{ $found }' no es una fecha de { $first } a { $last }
answer-not-a-time = se esperaba una hora como 07:30, y dice '{ $found }'
answer-wrong-kind = se esperaba { $expected }, y dice { $found }
answer-expects = { $kind ->
        [yes-no] yes o no
        [one-choice] el id de una opción
        [several-choices] una lista de ids de opciones
        [medicines] una lista de medicinas ({"{"}known: [...], typed: [...]{"}"})
        [date] una fecha como 2026-12-10
        [time] una hora como 07:30
        [phone] un número de teléfono
        [info] seen
       *[other] texto
    }
answer-found-text = '{ $text }'
answer-found-list = una lista
answer-found-medicines = una lista de medicinas
answers-other-checklist = estas respuestas son de la lista '{ $found }', no de '{ $checklist }'

## Lo que dicen `check`, `list` y `translate` de las listas de preguntas, las listas de medicinas y las traducciones.
problem-warning = aviso: { $message }
problem-yaml = el archivo YAML no se puede leer: { $error }
problem-yaml-too-many = demasiados valores: un archivo puede tener como mucho { $most } (cuenta cada clave, valor, lista y mapa, y un alias cada vez que se usa)
problem-yaml-too-deep = aquí hay listas y mapas anidados demasiado hondo
problem-yaml-aliases = aquí los alias se repiten demasiado (un alias cuenta cada vez que se usa)
problem-character-kind = { $control ->
        [yes] un carácter de control
       *[no] un carácter invisible o que cambia la dirección del texto
    }
problem-unsafe-character = { $what } ({ $code }) no se permite aquí; quítelo
problem-more-unsafe-characters = { $count ->
        [one] 1 carácter de control o invisible más; quítelo también
       *[other] { $count } caracteres de control o invisibles más; quítelos también
    }
# Lo que dice un hallazgo de consejo sobre medicinas, y qué escribir en su lugar.
advice-why = { $kind ->
        [stop] habla de suspender "{ $medicine }" ("{ $phrase }"); solo el equipo de salud decide eso
        [change] habla de cambiar "{ $medicine }" ("{ $phrase }"); solo el equipo de salud decide eso
        [restart] habla de volver a empezar "{ $medicine }" ("{ $phrase }"); solo el equipo de salud decide eso
        [continue] le dice al lector que siga con "{ $medicine }" ("{ $phrase }"); solo el equipo de salud decide eso
        [last-dose] habla de la última dosis de "{ $medicine }" ("{ $phrase }"); solo el equipo de salud decide eso
        [timing] da un momento para "{ $medicine }" ("{ $phrase }"); solo el equipo de salud decide cuándo
       *[amount] da una cantidad de "{ $medicine }" ("{ $phrase }"); solo el equipo de salud decide cuánto
    }
advice-instead = { $kind ->
        [statement] Escríbalo como una pregunta para el equipo de salud (una línea `ask`), por ejemplo: { $ask }
        [not-a-question] Solo una pregunta puede decir esto, y esta oración no lo es; pregúntele al equipo de salud, por ejemplo: { $ask }
        [timing] Deje el momento en manos del equipo de salud: no dé ninguno, ni siquiera en una pregunta; pregunte, por ejemplo: { $ask }
       *[amount] Deje la cantidad en manos del equipo de salud: no dé ninguna, ni siquiera en una pregunta; pregunte, por ejemplo: { $ask }
    }
# Los textos que lee un paciente, como los nombran los problemas.
text-title = el título
text-procedure = el procedimiento
text-section-title = el título de la sección
text-of-item = punto '{ $item }': { $part ->
        [question] la pregunta
        [help] la ayuda
        [unanswered] el texto sin respuesta
        [choice] una opción
       *[choice-title] el título de una opción
    }
text-sheet-line = punto '{ $item }': la línea de la hoja ({ $place })
text-translated = '{ $key }'
check-advice = { $what } "{ $text }": { $why }. { $instead }
check-needs-medicines = { $what } habla de medicinas: agregue 'medicines: true' al punto, para que el recorrido muestre que los cambios de medicinas los decide su médico
check-too-long = { $what } tiene { $count } caracteres; déjelo en { $most } o menos, para que quepa en una pantalla
check-one-line = { $what } debe ocupar una sola línea
check-holds-character = { $what } contiene { $kind } ({ $code }); quítelo
# Una lista de preguntas.
check-in-item = punto '{ $item }': { $problem }
check-missing-field = falta el campo `{ $key }`
check-empty = { $what ->
        [id] el id está vacío
        [title] el título está vacío
        [procedure] el procedimiento está vacío
        [section-title] el título de la sección está vacío
       *[ask] la pregunta ('ask') está vacía
    }
check-empty-file = el archivo está vacío: una lista de preguntas necesita id, title, procedure, version, sources y sections
check-no-items = la lista de preguntas no tiene ningún punto
check-bad-id = el id '{ $id }' solo puede tener letras minúsculas, números y '-'
check-duplicate-source = el id de fuente '{ $id }' está repetido
check-unreadable-source = fuente '{ $id }': { $file }: { $why }
check-needs-source = falta el campo `source`: { $why ->
        [text] su texto, que no es una pregunta,
        [help] su ayuda, que no es una pregunta,
        [unanswered] su tarea `unanswered`
       *[line] su línea { $place }
    } da una instrucción, así que el punto necesita el pasaje de la fuente de donde viene (solo una pregunta para el equipo de salud puede ir sin fuente). Escriba, bajo el punto: source: {"{"}from: { $from }, quote: "las palabras del pasaje, tal como están"{"}"}
check-closed-day-twice = closed-days: { $day } está dos veces en la lista
check-closed-day-not-a-date = closed-days: '{ $day }' no es una fecha como 2026-12-25
check-checked-only-several = solo las opciones de un punto several-choices pueden estar marcadas (`checked`)
check-empty-item-id = el id del punto está vacío
check-bad-item-id = el id de un punto solo puede tener letras minúsculas, números y '-'
check-duplicate-item = el id del punto está repetido
check-role-misfit = el rol { $role } no corresponde al tipo { $kind }
check-role-taken = el rol { $role } ya lo tiene '{ $first }'
check-title-only-step = solo las opciones del punto con el rol step tienen título
check-catalogue-only-medicines = solo el tipo medicines tiene 'catalogue' y 'groups'
check-choices-empty = 'choices' está vacío; este tipo necesita al menos una opción
check-needs-choices = este tipo necesita 'choices'
check-choices-only = solo one-choice y several-choices tienen 'choices'
check-needs-catalogue = el tipo medicines necesita 'catalogue'
check-unknown-catalogue = no se conoce la lista de medicinas '{ $name }' (se conocen: { $known })
check-no-medicine-in-groups = ninguna medicina de la lista está en estos grupos
check-bad-choice-id = el id de opción '{ $id }' solo puede tener letras minúsculas, números y '-'
check-duplicate-choice = el id de opción '{ $id }' está repetido
check-empty-label = la opción '{ $id }' tiene el texto vacío
check-empty-choice-title = la opción '{ $id }' tiene el título vacío
check-context-item = punto '{ $item }':{" "}
check-context-line = punto '{ $item }': línea de la hoja:{" "}
check-source-unknown = { $context }la fuente '{ $from }' no está en 'sources'
check-empty-quote = { $context }fuente: la cita está vacía
check-quote-not-found = { $context }fuente: la cita no está palabra por palabra en '{ $title }': "{ $quote }"
check-line-one-place = punto '{ $item }': una línea de la hoja necesita exactamente una de urgent, todo, ask, ride, bring, contact, expect
check-line-empty = punto '{ $item }': la línea de la hoja está vacía
check-expect-needs-source = punto '{ $item }': línea de la hoja: una línea expect necesita su propia `source`, el pasaje que lo dice. Escriba, en la línea: source: {"{"}from: { $from }, quote: "las palabras del pasaje, tal como están"{"}"}
check-unknown-placeholder = punto '{ $item }': línea de la hoja: marcador desconocido '{ $placeholder }' (use {"{"}answer{"}"} o {"{"}each{"}"})
check-each-needs-several = punto '{ $item }': línea de la hoja: {"{"}each{"}"} necesita un punto several-choices o medicines
check-line-if = punto '{ $item }': línea de la hoja: 'if' { $why }
check-yes-no-needs-if = punto '{ $item }': la línea de la hoja de un punto yes-no necesita 'if: "yes"' o 'if: "no"'
check-not-earlier = punto '{ $item }': la condición nombra '{ $target }', que no es un punto anterior (las condiciones solo pueden mirar hacia atrás)
check-not-an-item = punto '{ $item }': la condición nombra '{ $target }', que no es un punto de esta lista{ $near ->
        [none] {""}
       *[other] {" "}(¿quiso decir '{ $near }'?)
    }
check-condition-values = punto '{ $item }': condición: { $why }
check-condition-shape = punto '{ $item }': la condición debe ser {"{"}item: ID, is: VALUE{"}"}, {"{"}any: [...]{"}"} o {"{"}all: [...]{"}"}, con una lista que no esté vacía
check-not-comparable = '{ $item }' es un punto { $kind }, cuyas respuestas no se pueden comparar
check-no-such-value = '{ $item }' no tiene la opción '{ $bad }' (tiene: { $has }{ $more ->
        [0] {""}
       *[other] {" "}y { $more } más
    })
check-grade = se lee en el nivel { $grade }; busque el nivel { $target } o menos: oraciones más cortas y palabras de todos los días
check-hard-words = una palabra que los pacientes quizá no conozcan: { $words }; explíquela entre paréntesis o en la ayuda
list-comma = { $rest }, { $last }
check-hard-word = '{ $word }'
check-hard-word-say = '{ $word }' (diga: { $plain })
# Una lista de medicinas.
check-medicine = medicina '{ $id }': { $problem }
check-list-empty-id = el id está vacío
check-list-duplicate-id = el id está repetido (la primera vez en la línea { $first })
check-list-empty-source = la fuente está vacía
check-list-empty-name = un nombre está vacío
check-list-name-one-line = un nombre debe ocupar una sola línea
check-list-name-claimed = el nombre '{ $name }' también lo tiene '{ $owner }'
check-list-known-as = known-as '{ $brand }' no es una de sus marcas
check-list-translates-other = esto traduce la lista de medicinas '{ $found }', no '{ $expected }'
check-not-a-language = '{ $code }' no es un idioma al que prepcheck pueda traducir (es)
check-list-missing-medicine = falta la medicina '{ $id }'
check-list-not-a-medicine = '{ $id }' no es una medicina de la lista '{ $list }'
check-list-name-and-source = se necesitan un nombre y una fuente
# La traducción de una lista de preguntas.
check-missing-text = falta el texto '{ $key }'
check-not-a-text = '{ $key }' no es un texto de la lista de preguntas '{ $checklist }'
check-translates-other = esto traduce la lista de preguntas '{ $found }', no '{ $expected }'
check-empty-text = '{ $key }': el texto está vacío
check-placeholders-differ = '{ $key }': los marcadores no son los del inglés ({ $placeholders })
check-stale = '{ $key }' está desactualizado: el inglés cambió desde que se tradujo (ahora "{ $text }", huella { $fingerprint })
check-translates-missing = traduce { $what ->
        [checklist] la lista de preguntas
       *[list] la lista de medicinas
    } '{ $of }', que no está
# Archivos y carpetas.
check-same-id = { $kind ->
        [checklist] el id de lista de preguntas '{ $id }' es también el id de { $first }; cada lista de preguntas necesita su propio id
       *[catalogue] el id de lista de medicinas '{ $id }' es también el id de { $first }; cada lista de medicinas necesita su propio id
    }
check-source-file = { $kind ->
        [outside] la ruta de una fuente debe quedar dentro de la carpeta de la lista de preguntas
        [no-built-in] no hay ningún archivo incluido con ese nombre
       *[not-utf8] no es texto UTF-8
    }
check-cannot-read-folder = no se puede leer la carpeta: { $why }
check-file = { $kind ->
        [io] no se puede leer: { $why }
        [folder] es una carpeta, no un archivo
        [not-regular] no es un archivo común
        [too-large] es demasiado grande ({ $size } bytes); lo máximo es { $most } bytes (1 MiB)
       *[grew] creció demasiado mientras se leía
    }
# Lo que escribe `check`.
check-ok = bien: { $name }: { $summary }
check-built-in = { $name } (incluida)
check-summary-checklist = lista de preguntas '{ $id }', { $items ->
        [one] 1 punto
       *[other] { $items } puntos
    }
check-summary-catalogue = lista de medicinas '{ $id }', { $medicines ->
        [one] 1 medicina
       *[other] { $medicines } medicinas
    }
check-summary-translation = traducción ({ $lang }), { $texts ->
        [one] 1 texto
       *[other] { $texts } textos
    }
check-summary-translation-of = traducción ({ $lang }) de { $what ->
        [checklist] la lista de preguntas
       *[list] la lista de medicinas
    } '{ $of }', { $texts ->
        [one] 1 texto
       *[other] { $texts } textos
    }
check-problems = { $count ->
        [one] 1 problema
       *[other] { $count } problemas
    }
check-warnings = { $count ->
        [one] 1 aviso
       *[other] { $count } avisos
    }
check-found = se encontraron: { $summary }
check-found-strict = se encontraron: { $summary } (--strict falla con ellos)
check-source-text = texto
check-source-help = ayuda
check-source-choice = opción
check-source-choice-checked = opción (marcada)
check-source-unanswered = sin respuesta
check-source-unanswered-ask = pregunta sin respuesta
check-source-when = cuando { $condition }
check-source-from = de { $source }: "{ $quote }"
check-source-none = sin fuente: es una pregunta, no una instrucción
run-check = Ejecute `prepcheck check` para ver los detalles cuando haya corregido esto.
no-such-checklist = No hay ninguna lista de preguntas '{ $id }'. Ejecute `prepcheck list` para verlas.
# Lo que escribe `list`.
list-checklist = { $id }	{ $title }	versión { $version }
list-catalogue = medicines/{ $id }	{ $title }	versión { $version }, { $medicines ->
        [one] 1 medicina
       *[other] { $medicines } medicinas
    }
list-translation = { $of } ({ $lang })	{ $title }	traducción, { $status }	{ $origin }
list-translation-names = { $count ->
        [one] 1 nombre
       *[other] { $count } nombres
    }
list-built-in = incluida
list-overridden = ({ $origin }, reemplazada)
# Lo que dice `translate`.
translate-which-language = diga a qué idioma traducir: prepcheck translate CHECKLIST --lang es
translate-header = Traducción ({ $lang }) de la lista de preguntas '{ $checklist }'. En cada texto: `english` es la huella
    del texto en inglés que traduce (que se muestra arriba), `text` es la traducción.
    Revísela con `prepcheck check`.
translate-status = pendiente de revisión por la clínica
translate-was = antes (para un inglés anterior): { $text }
translate-nothing-printed = No se escribió nada.
answers-too-large-to-save = las respuestas ocuparían { $size } bytes, más de los { $most } bytes (1 MiB) que puede tener un archivo, así que no se guardaron
answers-yaml-syntax = esto no está escrito como un archivo de respuestas (mire esta línea y la de antes)
answers-yaml-not-text = este no es un archivo de texto (UTF-8)
answers-yaml-twice = '{ $key }' está aquí dos veces
answers-yaml-twice-unnamed = el mismo nombre está aquí dos veces
answers-yaml-missing = un archivo de respuestas necesita una línea '{ $key }:'
answers-yaml-unknown = '{ $key }' no es parte de un archivo de respuestas
answers-yaml-wrong-kind = el valor de aquí no es del tipo que necesita este lugar
answers-yaml-no-anchor = este alias (*nombre) no nombra ningún ancla (&nombre)
answers-yaml-too-many = el archivo tiene demasiado: un archivo de respuestas puede tener como mucho { $most } valores (cuenta cada respuesta, nombre, lista y mapa, y un alias cada vez que se usa)

## response
response-json-syntax = esto no es JSON bien escrito (mire este lugar, y lo que hay justo antes)
response-not-text = este no es un archivo de texto (UTF-8)
response-other-resource = esto es un { $found } de FHIR, no un QuestionnaireResponse
response-no-resource-type = este JSON no es un recurso de FHIR: no tiene resourceType
response-wrong-kind = el valor de aquí no es del tipo que un QuestionnaireResponse tiene en este lugar
response-no-questionnaire = la respuesta no dice a qué Questionnaire responde (questionnaire: URL|versión)
response-other-questionnaire = esta respuesta es del Questionnaire { $found }, no de { $expected }
response-entered-in-error = esta respuesta está marcada como entered-in-error (un error), así que no es un registro para usar
response-too-deep = los elementos están anidados en más de { $most } niveles
response-too-many = la respuesta tiene más de { $most } elementos y respuestas
response-walk-import = { $path } es un QuestionnaireResponse de FHIR. prepcheck walk guarda las respuestas en un archivo suyo, así que { $path } no cambió. Para seguir desde él, primero use: { $command }
import-answers-exist = { $path } ya tiene respuestas, así que no se importó nada y el archivo no cambió. Para conservar ambas, indique un archivo nuevo con --answers. Para reemplazarlas, primero use: { $command }
import-done = { $count ->
        [one] Se guardó 1 respuesta en { $path }. Para seguir: { $command }
       *[other] Se guardaron { $count } respuestas en { $path }. Para seguir: { $command }
    }
## clinic
copy-unknown = No hay ninguna lista de preguntas incluida con el nombre '{ $id }'. Las incluidas son: { $known }.
copy-not-empty = { $dir } ya tiene archivos, y prepcheck nunca escribe sobre los archivos de una clínica. Indique una carpeta nueva o vacía.
copy-cannot-write = No se puede escribir { $path }: { $why }. No se copió nada después de ese archivo.
copy-done = Se copió la lista de preguntas '{ $id }' en { $dir } ({ $count } archivos). Revísela con: prepcheck --checklists { $dir } check
copy-header-checklist = La copia de su clínica de la lista de preguntas '{ $id }'. Cambie o agregue preguntas aquí.
    No cambie `id` (las respuestas guardadas están bajo ese nombre), y suba `version` cada vez que cambie algo.
    Después de cada cambio, ejecute: prepcheck --checklists { $dir } check
copy-header-translation = La traducción ({ $lang }) de la lista de preguntas '{ $id }'. Después de cambiar la lista, ponga este archivo al día:
    prepcheck --checklists { $dir } --lang { $lang } translate { $id } --update { $dir }/{ $file } > nuevo.yaml
    Complete los textos vacíos de nuevo.yaml y luego póngalo en lugar de este archivo.
copy-header-medicines = Una lista de medicinas: solo nombres (sin tiempos de suspensión, sin dosis, sin consejos).
    Agregue los nombres que usan sus pacientes; no cambie ningún `id`.
copy-header-source = El texto de la clínica que cada instrucción de la lista cita palabra por palabra.
    Ponga aquí el texto propio de su clínica y cítelo en cada `source`.
translation-needs = { $count ->
        [one] Falta
       *[other] Faltan
    } por traducir { $count } de { $total } textos { $lang ->
        [es] en español
       *[other] traducidos
    }: ejecute `{ $command }`, complete sus textos vacíos y póngalo en lugar de { $file }
walk-only-in-english = Por ahora, algunas preguntas están solo en inglés: la clínica aún no ha traducido { $count } de { $total } textos.
problem-yaml-quote-answer = escriba "{ $answer }" entre comillas: sin ellas, YAML lee { $answer } como verdadero o falso, no como la respuesta
check-same-version = esta lista de preguntas es distinta de la incluida '{ $id }', pero tiene una versión que la incluida ya ha tenido ({ $version }; la incluida va por la { $built }): suba `version` por encima de { $built }. Un Questionnaire de FHIR se reconoce por su url y su versión ({ $url }|{ $version }), así que dos distintos con el mismo par chocan en una historia clínica.
## diary
diary-date = { $weekday }, { $day } de { $month }
diary-day = { $day }: { $count ->
        [one] 1 anotación
       *[other] { $count } anotaciones
    }, promedio { $average }, mínimo { $lowest }, máximo { $highest }
diary-averages = Su dolor promedio fue de { $before } antes de la prueba y de { $during } durante la prueba.
diary-difference-lower = Es decir, { $by } más bajo durante la prueba.
diary-difference-higher = Es decir, { $by } más alto durante la prueba.
diary-difference-same = Es decir, igual antes y durante la prueba.
diary-average-before = Su dolor promedio antes de la prueba fue de { $before }.
diary-average-during = Su dolor promedio durante la prueba fue de { $during }.
diary-before = Antes de la prueba
diary-during = Durante la prueba
diary-after = Después de la prueba
diary-when = { $day }, { $time }
diary-entry = { $when }: { $score } de 10
diary-saved = Guardado: { $entry }.
diary-score-wrong = "{ $typed }" no es un nivel de dolor. Escriba un número entero del 0 (nada de dolor) al 10 (el peor dolor que pueda imaginar).
diary-score-needed = Escriba su dolor del 0 al 10, así: { $command }
diary-note-too-long = La nota es demasiado larga ({ $count } letras). Puede tener como máximo { $most }.
diary-full = Su diario está lleno: guarda como máximo { $most } anotaciones. No se guardó nada.
diary-empty = Su diario del dolor está vacío. Para anotar su dolor, escriba: { $command }
diary-no-entry = No hay ninguna anotación { $number }. Su diario tiene { $count ->
        [one] 1 anotación
       *[other] { $count } anotaciones
    }. Para verlas, escriba: { $command }
diary-edited = La anotación { $number } ahora es: { $entry }.
diary-deleted = Se borró la anotación { $number }: { $entry }.
diary-trial-saved = Su prueba: del { $start } al { $end }.
diary-trial-ask = ¿Cuándo empezó su prueba? ¿Cuándo termina? Dígaselo a prepcheck una sola vez, así: { $command }
diary-trial-from-answers = Según sus respuestas, su prueba es el { $start }. ¿Cuándo termina? Dígaselo a prepcheck una sola vez, así: { $command }
diary-date-wrong = prepcheck no entiende la fecha "{ $typed }". Escríbala así: 2026-12-14 o 14 de diciembre.
diary-trial-ends-first = La prueba no puede terminar antes de empezar.
diary-set-aside = { $count ->
        [one] 1 anotación
       *[other] { $count } anotaciones
    } de { $path } no se pudieron leer. Se guardan tal como estaban escritas, en "set-aside".
diary-answers-title = Su diario del dolor ({ $count ->
        [one] 1 anotación
       *[other] { $count } anotaciones
    }), guardado en { $path }
diary-title = Su diario del dolor
diary-scale = Dolor del 0 (nada de dolor) al 10 (el peor dolor que pueda imaginar).
diary-chart-shows = El gráfico muestra el promedio de cada día.
diary-nothing-yet = Todavía no hay nada anotado en su diario.
diary-column-day = Día
diary-column-entries = Anotaciones
diary-column-average = Promedio
diary-column-lowest = Mínimo
diary-column-highest = Máximo
diary-no-such-format = El diario se puede mostrar como text, plain, markdown o html.
diary-could-do-note = Lo que pude hacer hoy: { $text }
diary-noticed-note = Algo nuevo que noté: { $text }
diary-time-wrong = prepcheck no entiende la hora "{ $typed }". Escríbala así: 8:30 o 20:00.
diary-reminders-saved = Su calendario le recordará anotar su dolor a las { $times } cada día de su prueba. Vuelva a exportarlo así: prepcheck sheet --output reminders.ics
reminder-diary = Diario del dolor: anote su dolor ahora (del 0 al 10)
reminder-diary-how = Un recordatorio de su diario del dolor. Escriba su dolor del 0 (nada de dolor) al 10 (el peor dolor que pueda imaginar), así: prepcheck diary 6
diary-ask-pain = ¿Cuánto le duele ahora mismo?
diary-ask-pain-help = 0 es nada de dolor. 10 es el peor dolor que pueda imaginar.
diary-pain-0 = 0: nada de dolor
diary-pain-5 = 5: un dolor a medias
diary-pain-10 = 10: el peor dolor que pueda imaginar
diary-ask-could-do = ¿Qué pudo hacer hoy? (Puede saltar esta pregunta: pulse Enter).
diary-ask-noticed = ¿Notó algo nuevo? (Puede saltar esta pregunta: pulse Enter).
diary-ask-trial-start = ¿Cuándo empezó o cuándo empieza su prueba?
diary-ask-trial-end = ¿Cuándo termina su prueba?
diary-welcome = prepcheck le hace { $questions }, una por una. Tarda más o menos un minuto. Sus respuestas se guardan en su diario del dolor.
