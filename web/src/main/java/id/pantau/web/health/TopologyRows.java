package id.pantau.web.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a topology sheet into rows of named cells, each with its source line, from CSV (a header row and a
 * {@code type} column: site, link or camera) or YAML (lists under {@code sites}, {@code links}, {@code cameras}).
 * Field names are matched without regard to case.
 */
final class TopologyRows {
  static final int MAX_ROWS = 10_000;

  /** One row: its type, the line it starts on, and its cells by lower-case field name. */
  record Row(String type, int line, Map<String, String> cells) {
    String get(String field) {
      String v = cells.get(field.toLowerCase(Locale.ROOT));
      return v == null || v.isBlank() ? null : v.trim();
    }
  }

  private TopologyRows() {}

  static List<Row> csv(String text, List<TopologyImport.RowError> errors) {
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    parseCsv(text, records, lines, errors);
    List<Row> rows = new ArrayList<>();
    if (records.isEmpty()) {
      errors.add(new TopologyImport.RowError(1, null, "empty: a header row is required"));
      return rows;
    }
    List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    if (!header.contains("type")) {
      errors.add(new TopologyImport.RowError(lines.get(0), "type", "the header needs a 'type' column"));
      return rows;
    }
    for (int r = 1; r < records.size(); r++) {
      List<String> rec = records.get(r);
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue;
      }
      if (rec.size() > header.size()) {
        errors.add(new TopologyImport.RowError(lines.get(r), null,
            rec.size() + " cells but the header names " + header.size()));
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < rec.size(); c++) {
        cells.put(header.get(c), rec.get(c));
      }
      String type = cells.getOrDefault("type", "").trim().toLowerCase(Locale.ROOT);
      rows.add(new Row(type, lines.get(r), cells));
    }
    return rows;
  }

  /** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; records end at CRLF or LF. */
  private static void parseCsv(String text, List<List<String>> records, List<Integer> lines,
      List<TopologyImport.RowError> errors) {
    List<String> rec = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          line += ch == '\n' ? 1 : 0;
          cell.append(ch);
        }
      } else if (ch == '"' && cell.length() == 0) {
        quoted = true;
      } else if (ch == ',') {
        rec.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        rec.add(cell.toString());
        cell.setLength(0);
        records.add(rec);
        lines.add(recordLine);
        rec = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      errors.add(new TopologyImport.RowError(recordLine, null, "a quoted cell is not closed"));
    }
    if (cell.length() > 0 || !rec.isEmpty()) {
      rec.add(cell.toString());
      records.add(rec);
      lines.add(recordLine);
    }
  }

  static List<Row> yaml(String text, List<TopologyImport.RowError> errors) {
    List<Row> rows = new ArrayList<>();
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (RuntimeException e) {
      errors.add(new TopologyImport.RowError(1, null, "not YAML: " + e.getMessage().lines().findFirst().orElse("")));
      return rows;
    }
    if (root == null) {
      return rows;
    }
    if (!(root instanceof MappingNode top)) {
      errors.add(new TopologyImport.RowError(line(root), null, "expected 'sites:', 'links:' and 'cameras:' lists"));
      return rows;
    }
    for (NodeTuple section : top.getValue()) {
      String name = scalar(section.getKeyNode());
      String type = switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
        case "sites" -> "site";
        case "links" -> "link";
        case "cameras" -> "camera";
        default -> null;
      };
      if (type == null) {
        errors.add(new TopologyImport.RowError(line(section.getKeyNode()), name,
            "unknown section; expected sites, links or cameras"));
        continue;
      }
      if (!(section.getValueNode() instanceof SequenceNode list)) {
        errors.add(new TopologyImport.RowError(line(section.getValueNode()), name, "expected a list"));
        continue;
      }
      for (Node item : list.getValue()) {
        if (!(item instanceof MappingNode entry)) {
          errors.add(new TopologyImport.RowError(line(item), name, "expected 'field: value' pairs"));
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (NodeTuple t : entry.getValue()) {
          String key = scalar(t.getKeyNode());
          String value = scalar(t.getValueNode());
          if (key == null || (value == null && !(t.getValueNode() instanceof ScalarNode))) {
            errors.add(new TopologyImport.RowError(line(t.getKeyNode()), key, "expected a plain value"));
            continue;
          }
          cells.put(key.toLowerCase(Locale.ROOT), value);
        }
        rows.add(new Row(type, line(item), cells));
      }
    }
    return rows;
  }

  private static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : null;
  }

  private static int line(Node n) {
    return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
  }
}
